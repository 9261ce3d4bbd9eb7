package org.misinfodesk.platform.problem;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.mongodb.MongoConnectionPoolClearedException;
import com.mongodb.MongoSocketReadTimeoutException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.ServerAddress;
import com.mongodb.connection.ClusterId;
import com.mongodb.connection.ServerId;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.codec.DecodingException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.mongodb.UncategorizedMongoDbException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
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

	@Test
	void aStoreThatDoesNotAnswerIsAServiceUnavailableNotAnInternalError() {
		var pausedPool = new UncategorizedMongoDbException("Connection pool for 127.0.0.1:27017 is paused",
				new MongoConnectionPoolClearedException(new ServerId(new ClusterId(), new ServerAddress()),
						new MongoSocketReadTimeoutException("Timeout while receiving message", new ServerAddress(),
								new RuntimeException())));
		var timedOut = new DataAccessResourceFailureException("Timed out while waiting for a server",
				new MongoTimeoutException("Timed out"));

		assertThat(ProblemWebExceptionHandler.toProblem(pausedPool)).satisfies((problem) -> {
			assertThat(problem.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
			assertThat(problem.slug()).isEqualTo("unavailable");
		});
		assertThat(ProblemWebExceptionHandler.toProblem(timedOut).status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(ProblemWebExceptionHandler.toProblem(new UncategorizedMongoDbException("bad update", null)).status())
			.isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
	}

	@Test
	void aStoreThatDoesNotAnswerAsksTheClientToTryAgainLater() {
		var exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/api/v1/reports"));

		this.handler
			.handle(exchange, new DataAccessResourceFailureException("down", new MongoTimeoutException("Timed out")))
			.block();

		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(exchange.getResponse().getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
		assertThat(exchange.getResponse().getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void aStoreThatDoesNotAnswerIsLoggedInOneLineAndAnInternalErrorWithItsStack(CapturedOutput output) {
		this.handler
			.handle(MockServerWebExchange.from(MockServerHttpRequest.post("/api/v1/reports")),
					new DataAccessResourceFailureException("down", new MongoTimeoutException("Timed out waiting")))
			.block();
		this.handler
			.handle(MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/cases")),
					new IllegalStateException("a bug"))
			.block();

		assertThat(output.getOut().lines().filter((line) -> line.contains("/api/v1/reports")))
			.singleElement(InstanceOfAssertFactories.STRING)
			.contains("WARN", "Store not answering on POST /api/v1/reports", "MongoTimeoutException: Timed out waiting");
		assertThat(output.getOut()).doesNotContain("DataAccessResourceFailureException")
			.contains("Unexpected error on GET /api/v1/cases")
			.contains("java.lang.IllegalStateException: a bug")
			.contains("at org.misinfodesk.platform.problem.ProblemWebExceptionHandlerTest");
	}

	private static ResourceBundleMessageSource messages() {
		var messages = new ResourceBundleMessageSource();
		messages.setBasename("problems");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

}
