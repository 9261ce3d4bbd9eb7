package org.misinfodesk.notification.acknowledgement.web;

import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.misinfodesk.notification.acknowledgement.Acknowledgement;
import org.misinfodesk.notification.acknowledgement.AcknowledgingCase;
import org.misinfodesk.notification.acknowledgement.Outcome;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Acknowledgements")
class AcknowledgementsController {

	private final AcknowledgingCase acknowledging;

	AcknowledgementsController(AcknowledgingCase acknowledging) {
		this.acknowledging = acknowledging;
	}

	@PostMapping("/api/v1/acknowledgements/{token}")
	@SecurityRequirements
	@Operation(summary = "An agency acknowledges a routed case with the token of its alert's acknowledgeUrl; "
			+ "repeating it changes nothing")
	Mono<Acknowledged> acknowledge(@PathVariable String token, @RequestBody(required = false) Note note) {
		return this.acknowledging.acknowledge(token, note == null ? null : note.note()).map(Acknowledged::of);
	}

	@PostMapping("/api/v1/acknowledgements/{token}/outcome")
	@SecurityRequirements
	@Operation(summary = "An agency reports the outcome of a routed case with the token of its alert's "
			+ "acknowledgeUrl: outcome REMOVED, CORRECTED, SANCTIONED, NO_ACTION_NEEDED or NOT_COMPETENT and an "
			+ "optional note (at most 4000 characters) that becomes the citizen's public note. Emits agency.responded "
			+ "with response RESOLVED once (DECLINED for NOT_COMPETENT: triage routes the case again; acknowledging "
			+ "first if needed); repeating it changes nothing")
	Mono<Acknowledged> reportOutcome(@PathVariable String token, @RequestBody(required = false) Resolution resolution) {
		return this.acknowledging
			.reportOutcome(token, resolution == null ? null : resolution.outcome(),
					resolution == null ? null : resolution.note())
			.map(Acknowledged::of);
	}

	record Note(String note) {
	}

	record Resolution(String outcome, String note) {
	}

	/**
	 * @param response {@code RESOLVED} (or {@code DECLINED}, for {@code NOT_COMPETENT}) once the outcome
	 * is reported, {@code ACKNOWLEDGED} before
	 */
	record Acknowledged(String caseId, int routing, String agencyId, String response, Instant acknowledgedAt,
			String note, Instant resolvedAt, Outcome outcome, String outcomeNote) {

		static Acknowledged of(Acknowledgement acknowledgement) {
			return new Acknowledged(acknowledgement.routed().caseId(), acknowledgement.routed().routing(),
					acknowledgement.agencyId(), acknowledgement.response(),
					acknowledgement.acknowledgedAt(), acknowledgement.note(), acknowledgement.resolvedAt(),
					acknowledgement.outcome(), acknowledgement.outcomeNote());
		}

	}

}
