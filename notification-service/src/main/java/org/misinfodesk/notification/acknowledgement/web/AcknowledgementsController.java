package org.misinfodesk.notification.acknowledgement.web;

import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.misinfodesk.notification.acknowledgement.Acknowledgement;
import org.misinfodesk.notification.acknowledgement.AcknowledgingCase;
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

	record Note(String note) {
	}

	record Acknowledged(String caseId, int routing, String agencyId, String response, Instant acknowledgedAt,
			String note) {

		static Acknowledged of(Acknowledgement acknowledgement) {
			return new Acknowledged(acknowledgement.routed().caseId(), acknowledgement.routed().routing(),
					acknowledgement.agencyId(), "ACKNOWLEDGED", acknowledgement.acknowledgedAt(),
					acknowledgement.note());
		}

	}

}
