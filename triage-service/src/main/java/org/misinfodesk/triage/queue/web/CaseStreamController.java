package org.misinfodesk.triage.queue.web;

import java.time.Duration;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.misinfodesk.triage.cases.CaseChanges;
import org.misinfodesk.triage.cases.CaseSummary;
import org.misinfodesk.triage.queue.QueueSettings;
import reactor.core.publisher.Flux;

import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Cases")
class CaseStreamController {

	static final String EVENT = "case";

	private final CaseChanges changes;

	private final Duration keepAlive;

	CaseStreamController(CaseChanges changes, QueueSettings settings) {
		this.changes = changes;
		this.keepAlive = settings.keepAlive();
	}

	@GetMapping(path = "/api/v1/cases/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	@Operation(summary = "Live queue changes as server-sent events",
			description = "One `case` event (a queue item as JSON) whenever this instance changes a case, and a "
					+ "comment line every misinfodesk.queue.keep-alive while idle. Roles ANALYST, SUPERVISOR; a "
					+ "browser may also use its login session.")
	Flux<ServerSentEvent<CaseSummary>> stream() {
		Flux<ServerSentEvent<CaseSummary>> changed = this.changes.stream()
			.map((summary) -> ServerSentEvent.builder(summary).event(EVENT).build());
		// Subscribed after the changes, so the first comment (sent at once) proves the stream listens.
		Flux<ServerSentEvent<CaseSummary>> keepAlives = Flux.interval(Duration.ZERO, this.keepAlive)
			.map((tick) -> ServerSentEvent.<CaseSummary>builder().comment("keep-alive").build());
		return changed.mergeWith(keepAlives);
	}

}
