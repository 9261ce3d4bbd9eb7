package org.misinfodesk.platform.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.misinfodesk.platform.problem.FieldProblem;
import org.misinfodesk.platform.problem.ProblemException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * {@code GET /api/v1/dead-letters?topic=...&limit=...} lists parked records;
 * {@code POST /api/v1/dead-letters/{topic}/{partition}/{offset}/replay} sends one back. Role ADMIN
 * (see the platform's security auto-configuration).
 */
public final class DeadLetterRoutes {

	public static final String PATH = "/api/v1/dead-letters";

	private static final int MAX_LISTED = 500;

	private DeadLetterRoutes() {
	}

	public static RouterFunction<ServerResponse> of(DeadLetterBox box) {
		return RouterFunctions.route()
			.GET(PATH, (request) -> list(box, request))
			.POST(PATH + "/{topic}/{partition}/{offset}/replay", (request) -> replay(box, request))
			.build();
	}

	private static Mono<ServerResponse> list(DeadLetterBox box, ServerRequest request) {
		String topic = request.queryParam("topic").orElse("");
		String limitText = request.queryParam("limit").orElse("100");
		Integer limit = number(limitText);
		if (topic.isBlank() || limit == null || limit < 1 || limit > MAX_LISTED) {
			return Mono.error(ProblemException.invalid(problems(topic.isBlank(), limit == null || limit < 1
					|| limit > MAX_LISTED)));
		}
		return Mono.fromCallable(() -> box.list(topic, limit))
			.subscribeOn(Schedulers.boundedElastic())
			.flatMap((letters) -> ServerResponse.ok()
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("items", letters)));
	}

	private static Mono<ServerResponse> replay(DeadLetterBox box, ServerRequest request) {
		Integer partition = number(request.pathVariable("partition"));
		Long offset = longNumber(request.pathVariable("offset"));
		if (partition == null || offset == null) {
			return Mono.error(ProblemException.invalid(List.of(FieldProblem.of("offset", "invalid"))));
		}
		return Mono.fromCallable(() -> box.replay(request.pathVariable("topic"), partition, offset))
			.subscribeOn(Schedulers.boundedElastic())
			.flatMap((letter) -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(letter));
	}

	private static List<FieldProblem> problems(boolean topicMissing, boolean badLimit) {
		List<FieldProblem> problems = new ArrayList<>();
		if (topicMissing) {
			problems.add(FieldProblem.of("topic", "required"));
		}
		if (badLimit) {
			problems.add(FieldProblem.of("limit", "invalid"));
		}
		return problems;
	}

	private static Integer number(String text) {
		try {
			return Integer.valueOf(text);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static Long longNumber(String text) {
		try {
			return Long.valueOf(text);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
