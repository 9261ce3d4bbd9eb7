package org.misinfodesk.platform.problem;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.codec.DecodingException;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemWebExceptionHandlerTest {

	private final ProblemWebExceptionHandler handler = new ProblemWebExceptionHandler(messages(),
			JsonMapper.builder().build());

	@Test
	void rendersFieldErrorsInVietnameseByDefault() {
		var problem = ProblemException.invalid(List.of(FieldProblem.of("content", "required"),
				FieldProblem.of("sourceUrl", "too-long", 2048)));

		Map<String, Object> body = this.handler.render(problem, LanguageResolver.VIETNAMESE, "/api/v1/reports");

		assertThat(body).containsEntry("type", "https://misinfodesk.org/problems/validation")
			.containsEntry("status", 400)
			.containsEntry("title", "Dữ liệu chưa hợp lệ")
			.containsEntry("instance", "/api/v1/reports");
		assertThat(body.get("errors")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
			.containsExactly(Map.of("field", "content", "code", "required", "message", "Trường này là bắt buộc."),
					Map.of("field", "sourceUrl", "code", "too-long", "message", "Tối đa 2.048 ký tự."));
	}

	@Test
	void rendersTheSameProblemInEnglishWhenAsked() {
		var problem = ProblemException.notFound("report", "7KQ4-M9TX");

		Map<String, Object> body = this.handler.render(problem, Locale.ENGLISH, "/api/v1/reports/7KQ4-M9TX");

		assertThat(body).containsEntry("status", 404).containsEntry("detail", "No report \"7KQ4-M9TX\" was found.");
	}

	@Test
	void mapsFrameworkErrorsToClientProblemsNeverToInternalOnes() {
		assertThat(ProblemWebExceptionHandler
			.toProblem(new ServerWebInputException("bad", null, new DecodingException("JSON decoding error")))
			.status()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(ProblemWebExceptionHandler.toProblem(new UnsupportedMediaTypeStatusException("text/plain"))
			.status()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
		assertThat(ProblemWebExceptionHandler.toProblem(new IllegalStateException("boom")).slug())
			.isEqualTo("internal");
	}

	private static ResourceBundleMessageSource messages() {
		var messages = new ResourceBundleMessageSource();
		messages.setBasename("problems");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

}
