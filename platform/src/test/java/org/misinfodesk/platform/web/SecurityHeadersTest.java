package org.misinfodesk.platform.web;

import org.junit.jupiter.api.Test;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

class SecurityHeadersTest {

	@Test
	void everyAnswerForbidsInlineScriptFramingAndSniffing() {
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/"));

		new SecurityHeaders().filter(exchange, (e) -> e.getResponse().setComplete()).block();

		var headers = exchange.getResponse().getHeaders();
		assertThat(headers.getFirst("Content-Security-Policy")).contains("script-src 'self'")
			.contains("frame-ancestors 'none'")
			.doesNotContain("script-src 'self' 'unsafe-inline'");
		assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(headers.getFirst("Referrer-Policy")).isEqualTo("no-referrer");
	}

	@Test
	void leavesAHeaderTheServiceSetItself() {
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/"));

		new SecurityHeaders().filter(exchange, (e) -> {
			e.getResponse().getHeaders().set("Referrer-Policy", "same-origin");
			return e.getResponse().setComplete();
		}).block();

		assertThat(exchange.getResponse().getHeaders().getFirst("Referrer-Policy")).isEqualTo("same-origin");
	}

}
