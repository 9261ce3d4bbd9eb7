package org.misinfodesk.platform.problem;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

class LanguageResolverTest {

	@Test
	void speaksVietnameseUnlessAskedOtherwise() {
		assertThat(LanguageResolver.resolve(exchange(MockServerHttpRequest.get("/"))))
			.isEqualTo(LanguageResolver.VIETNAMESE);
		assertThat(LanguageResolver.resolve(exchange(MockServerHttpRequest.get("/").header("Accept-Language", "fr-FR"))))
			.isEqualTo(LanguageResolver.VIETNAMESE);
	}

	@Test
	void langParameterWinsOverAcceptLanguage() {
		assertThat(LanguageResolver
			.resolve(exchange(MockServerHttpRequest.get("/?lang=en").header("Accept-Language", "vi-VN"))))
			.isEqualTo(Locale.ENGLISH);
	}

	@Test
	void followsAcceptLanguageToEnglish() {
		assertThat(LanguageResolver
			.resolve(exchange(MockServerHttpRequest.get("/").header("Accept-Language", "fr;q=0.9, en-GB;q=0.8"))))
			.isEqualTo(Locale.ENGLISH);
	}

	@Test
	void ignoresAMalformedAcceptLanguage() {
		assertThat(LanguageResolver.resolve(exchange(MockServerHttpRequest.get("/").header("Accept-Language", ";;;q=x"))))
			.isEqualTo(LanguageResolver.VIETNAMESE);
	}

	private static MockServerWebExchange exchange(MockServerHttpRequest.BaseBuilder<?> request) {
		return MockServerWebExchange.from(request);
	}

}
