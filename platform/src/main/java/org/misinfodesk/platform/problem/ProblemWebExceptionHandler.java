package org.misinfodesk.platform.problem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.mongodb.MongoConnectionPoolClearedException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.codec.CodecException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.NotAcceptableStatusException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import org.springframework.web.server.WebExceptionHandler;

/**
 * Renders every error that reaches the web layer as {@code application/problem+json} (RFC 9457):
 * a stable {@code type}, a {@code detail} in the request's language, and per-field errors. It runs
 * before Spring Boot's own error handler, so no error leaves in another shape.
 */
public class ProblemWebExceptionHandler implements WebExceptionHandler, Ordered {

	public static final String TYPE_BASE = "https://misinfodesk.org/problems/";

	private static final Logger log = LoggerFactory.getLogger(ProblemWebExceptionHandler.class);

	private final MessageSource messages;

	private final JsonMapper json;

	public ProblemWebExceptionHandler(MessageSource messages, JsonMapper json) {
		this.messages = messages;
		this.json = json;
	}

	@Override
	public int getOrder() {
		return -2;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		if (exchange.getResponse().isCommitted()) {
			return Mono.error(ex);
		}
		ProblemException problem = toProblem(ex);
		if (problem instanceof StoreUnavailable) {
			// one line a request: an outage of the store fails every request until it is back
			log.warn("Store not answering on {} {}: {}", exchange.getRequest().getMethod(),
					exchange.getRequest().getPath(), rootCause(ex).toString());
		}
		else if (problem.status().is5xxServerError()) {
			log.error("Unexpected error on {} {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
					ex);
		}
		Locale locale = LanguageResolver.resolve(exchange);
		Map<String, Object> body = render(problem, locale, exchange.getRequest().getPath().value());
		var response = exchange.getResponse();
		response.setStatusCode(problem.status());
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		if (ex instanceof ResponseStatusException statusException) {
			statusException.getHeaders().forEach((name, values) -> response.getHeaders().addAll(name, values));
		}
		if (problem instanceof ProblemHeaders withHeaders) {
			withHeaders.headers().forEach(response.getHeaders()::set);
		}
		byte[] bytes = this.json.writeValueAsBytes(body);
		return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(bytes)));
	}

	Map<String, Object> render(ProblemException problem, Locale locale, String instance) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", TYPE_BASE + problem.slug());
		body.put("title", message("problem." + problem.slug() + ".title", List.of(), locale));
		body.put("status", problem.status().value());
		body.put("detail", message("problem." + problem.slug() + ".detail", problem.args(), locale));
		body.put("instance", instance);
		if (!problem.fieldProblems().isEmpty()) {
			List<Map<String, Object>> errors = new ArrayList<>();
			for (FieldProblem field : problem.fieldProblems()) {
				Map<String, Object> error = new LinkedHashMap<>();
				error.put("field", field.field());
				error.put("code", field.code());
				error.put("message", message("field." + field.code(), field.args(), locale));
				errors.add(error);
			}
			body.put("errors", errors);
		}
		return body;
	}

	private String message(String key, List<Object> args, Locale locale) {
		return this.messages.getMessage(key, args.toArray(), key, locale);
	}

	static ProblemException toProblem(Throwable ex) {
		if (ex instanceof ProblemException problem) {
			return problem;
		}
		if (ex instanceof WebExchangeBindException bind) {
			List<FieldProblem> fields = bind.getFieldErrors()
				.stream()
				.map((error) -> FieldProblem.of(error.getField(), codeOf(error.getCode())))
				.toList();
			return ProblemException.invalid(fields);
		}
		if (ex instanceof UnsupportedMediaTypeStatusException) {
			return ProblemException.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type");
		}
		if (ex instanceof MethodNotAllowedException) {
			return ProblemException.of(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed");
		}
		if (ex instanceof NotAcceptableStatusException) {
			return ProblemException.of(HttpStatus.NOT_ACCEPTABLE, "not-acceptable");
		}
		if (causedBy(ex, DataBufferLimitException.class)) {
			return ProblemException.of(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large");
		}
		if (ex instanceof ServerWebInputException || ex instanceof CodecException) {
			return ProblemException.of(HttpStatus.BAD_REQUEST, "malformed-request");
		}
		if (ex instanceof ResponseStatusException status) {
			return fromStatus(status.getStatusCode());
		}
		if (storeUnreachable(ex)) {
			return new StoreUnavailable(ex);
		}
		return ProblemException.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal");
	}

	private static ProblemException fromStatus(HttpStatusCode code) {
		HttpStatus status = HttpStatus.resolve(code.value());
		if (status == null) {
			status = code.is4xxClientError() ? HttpStatus.BAD_REQUEST : HttpStatus.INTERNAL_SERVER_ERROR;
		}
		String slug = switch (status) {
			case NOT_FOUND -> "no-such-resource";
			case UNAUTHORIZED -> "unauthorized";
			case FORBIDDEN -> "forbidden";
			case CONTENT_TOO_LARGE -> "payload-too-large";
			case INTERNAL_SERVER_ERROR -> "internal";
			default -> status.is4xxClientError() ? "bad-request" : "unavailable";
		};
		return ProblemException.of(status, slug);
	}

	private static String codeOf(String constraint) {
		if (constraint == null) {
			return "invalid";
		}
		return switch (constraint) {
			case "NotNull", "NotBlank", "NotEmpty" -> "required";
			case "Size", "Length" -> "size";
			default -> "invalid";
		};
	}

	/** Whether the store did not answer (see {@link StoreUnavailable}). */
	private static boolean storeUnreachable(Throwable ex) {
		return causedBy(ex, DataAccessResourceFailureException.class) || causedBy(ex, MongoTimeoutException.class)
				|| causedBy(ex, MongoSocketException.class) || causedBy(ex, MongoConnectionPoolClearedException.class);
	}

	private static Throwable rootCause(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root;
	}

	private static boolean causedBy(Throwable ex, Class<? extends Throwable> type) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return true;
			}
		}
		return false;
	}

}
