package org.misinfodesk.notification.delivery.web;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.misinfodesk.notification.delivery.Attempt;
import org.misinfodesk.notification.delivery.Channel;
import org.misinfodesk.notification.delivery.Deliveries;
import org.misinfodesk.notification.delivery.Delivery;
import org.misinfodesk.notification.delivery.DeliveryKind;
import org.misinfodesk.notification.delivery.DeliveryState;
import org.misinfodesk.notification.delivery.ReplayingDeliveries;
import org.misinfodesk.notification.delivery.Target;
import org.misinfodesk.platform.problem.FieldProblem;
import org.misinfodesk.platform.problem.ProblemException;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Deliveries")
class DeliveriesController {

	static final int MAX_LISTED = 200;

	private final Deliveries deliveries;

	private final ReplayingDeliveries replaying;

	DeliveriesController(Deliveries deliveries, ReplayingDeliveries replaying) {
		this.deliveries = deliveries;
		this.replaying = replaying;
	}

	@GetMapping("/api/v1/deliveries")
	@Operation(summary = "The deliveries of a case with their attempts, or the latest deliveries in one state "
			+ "(state=FAILED shows what was given up) (ADMIN, SUPERVISOR)")
	Mono<Items> list(@RequestParam(required = false) String caseId, @RequestParam(required = false) String state) {
		if (caseId != null && !caseId.isBlank()) {
			return this.deliveries.findByCase(caseId).map(Listed::of).collectList().map(Items::new);
		}
		if (state != null && !state.isBlank()) {
			DeliveryState wanted = parseState(state);
			return this.deliveries.findByState(wanted, MAX_LISTED).map(Listed::of).collectList().map(Items::new);
		}
		return Mono.error(ProblemException.invalid(List.of(FieldProblem.of("caseId", "required"))));
	}

	@PostMapping("/api/v1/deliveries/{id}/replay")
	@Operation(summary = "Sends a delivered or failed delivery again, same body and webhook-id, with a fresh "
			+ "retry schedule (ADMIN); 409 while it is still pending")
	Mono<Listed> replay(@PathVariable String id) {
		return this.replaying.replay(id).map(Listed::of);
	}

	@PostMapping("/api/v1/agencies/{agencyId}/webhooks/{endpointId}/recover")
	@Operation(summary = "Sends again every failed delivery to this endpoint created since the given time (ADMIN)")
	Mono<Recovered> recover(@PathVariable String agencyId, @PathVariable String endpointId,
			@RequestBody(required = false) Recovery recovery) {
		if (recovery == null || recovery.since() == null) {
			return Mono.error(ProblemException.invalid(List.of(FieldProblem.of("since", "required"))));
		}
		return this.replaying.recover(agencyId, endpointId, recovery.since()).map(Recovered::new);
	}

	private static DeliveryState parseState(String state) {
		try {
			return DeliveryState.valueOf(state.strip());
		}
		catch (IllegalArgumentException ex) {
			throw ProblemException.invalid(List.of(FieldProblem.of("state", "invalid-state")));
		}
	}

	/** @param since ISO-8601; failed deliveries created at or after it are sent again */
	record Recovery(Instant since) {
	}

	record Recovered(long replayed) {
	}

	/** A delivery without its body and acknowledgement link: the link's token is the agency's credential. */
	record Listed(String id, DeliveryKind kind, String caseId, int routing, String agencyId, Channel channel,
			Target target, String webhookId, DeliveryState state, List<Attempt> attempts, Instant createdAt,
			Instant nextAttemptAt, Instant deliveredAt) {

		static Listed of(Delivery delivery) {
			return new Listed(delivery.id(), delivery.kind(), delivery.caseId(), delivery.routing(),
					delivery.agencyId(), delivery.channel(), delivery.target(), delivery.webhookId(),
					delivery.state(), delivery.attempts(), delivery.createdAt(),
					delivery.state() == DeliveryState.PENDING ? delivery.nextAttemptAt() : null,
					delivery.deliveredAt());
		}

	}

	record Items(List<Listed> items) {
	}

}
