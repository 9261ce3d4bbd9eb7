package org.misinfodesk.platform.problem;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.misinfodesk.platform.events.IncomingEvent;
import org.misinfodesk.platform.events.MalformedEventException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.codec.DecodingException;
import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * Whatever arrives from outside (headers, query strings, records on a topic), the chassis answers
 * in a known shape and never fails in an unexpected way.
 */
class HostileInputProperties {

	private final ProblemWebExceptionHandler handler = new ProblemWebExceptionHandler(messages(),
			JsonMapper.builder().build());

	@Property(tries = 500)
	void anyAcceptLanguageOrLangResolvesToVietnameseOrEnglish(@ForAll("hostileText") String acceptLanguage,
			@ForAll("hostileText") String lang) {
		var uri = UriComponentsBuilder.fromPath("/").queryParam("lang", "{lang}").encode().buildAndExpand(lang).toUri();
		var request = MockServerHttpRequest.method(HttpMethod.GET, uri).header("Accept-Language", acceptLanguage);

		Locale locale = LanguageResolver.resolve(MockServerWebExchange.from(request));

		assertThat(locale).isIn(LanguageResolver.VIETNAMESE, Locale.ENGLISH);
	}

	@Property(tries = 500)
	void undecodableBodiesAreClientProblemsRenderedInBothLanguages(@ForAll("hostileText") String message,
			@ForAll("hostileText") String path) {
		var problem = ProblemWebExceptionHandler
			.toProblem(new ServerWebInputException(message, null, new DecodingException(message)));

		assertThat(problem.status().is4xxClientError()).isTrue();
		for (Locale locale : new Locale[] { LanguageResolver.VIETNAMESE, Locale.ENGLISH }) {
			Map<String, Object> body = this.handler.render(problem, locale, path);
			assertThat(body.get("title")).asString().isNotBlank().doesNotStartWith("problem.");
			assertThat(body.get("status")).isEqualTo(400);
		}
	}

	@Property(tries = 1000)
	void anyRecordIsAnEventOrMalformedNeverSomethingElse(@ForAll("headerValue") String id,
			@ForAll("headerValue") String type, @ForAll("headerValue") String specVersion,
			@ForAll("headerValue") String time, @ForAll("hostileText") String value) {
		var record = new ConsumerRecord<>("reports.submitted", 0, 0L, "key", value);
		putIfPresent(record, "ce_id", id);
		putIfPresent(record, "ce_type", type);
		putIfPresent(record, "ce_source", "/test");
		putIfPresent(record, "ce_specversion", specVersion);
		putIfPresent(record, "ce_time", time);

		assertThatCode(() -> {
			try {
				IncomingEvent event = IncomingEvent.from(record);
				assertThat(event.id()).isNotBlank();
				assertThat(event.data()).isEqualTo(value);
			}
			catch (MalformedEventException ex) {
				// parked in the dead-letter topic without retries: the expected refusal
			}
		}).doesNotThrowAnyException();
	}

	@Provide
	Arbitrary<String> hostileText() {
		return Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(300),
				Arbitraries.of("vi-VN,vi;q=0.9", "en;q=x", ";;;", "*", "\u0000", "tiếng Việt", "e\u0301n", "zz-ZZ-abc-def",
						"<script>alert(1)</script>", "../../etc/passwd", "{\"$gt\":\"\"}", "%FF%FE"));
	}

	@Provide
	Arbitrary<String> headerValue() {
		return Arbitraries.oneOf(Arbitraries.just(null), Arbitraries.strings().all().ofMaxLength(60),
				Arbitraries.of("1.0", "2026-11-27T02:10:00Z", "not-a-time", ""));
	}

	private static void putIfPresent(ConsumerRecord<String, String> record, String name, String value) {
		if (value != null) {
			record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
		}
	}

	private static ResourceBundleMessageSource messages() {
		var messages = new ResourceBundleMessageSource();
		messages.setBasename("problems");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

}
