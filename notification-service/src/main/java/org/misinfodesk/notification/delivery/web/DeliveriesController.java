package org.misinfodesk.notification.delivery.web;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.misinfodesk.notification.delivery.Attempt;
import org.misinfodesk.notification.delivery.Channel;
import org.misinfodesk.notification.delivery.Deliveries;
import org.misinfodesk.notification.delivery.Delivery;
import org.misinfodesk.notification.delivery.DeliveryState;
import org.misinfodesk.notification.delivery.Target;
import org.misinfodesk.platform.problem.FieldProblem;
import org.misinfodesk.platform.problem.ProblemException;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Deliveries")
class DeliveriesController {

	private final Deliveries deliveries;

	DeliveriesController(Deliveries deliveries) {
		this.deliveries = deliveries;
	}

	@GetMapping("/api/v1/deliveries")
	@Operation(summary = "The deliveries of a case with their attempts (ADMIN, SUPERVISOR)")
	Mono<Items> list(@RequestParam(required = false) String caseId) {
		if (caseId == null || caseId.isBlank()) {
			return Mono.error(ProblemException.invalid(List.of(FieldProblem.of("caseId", "required"))));
		}
		return this.deliveries.findByCase(caseId).map(Listed::of).collectList().map(Items::new);
	}

	/** A delivery without its body and acknowledgement link: the link's token is the agency's credential. */
	record Listed(String id, String caseId, int routing, String agencyId, Channel channel, Target target,
			String webhookId, DeliveryState state, List<Attempt> attempts, Instant createdAt, Instant nextAttemptAt,
			Instant deliveredAt) {

		static Listed of(Delivery delivery) {
			return new Listed(delivery.id(), delivery.caseId(), delivery.routing(), delivery.agencyId(),
					delivery.channel(), delivery.target(), delivery.webhookId(), delivery.state(), delivery.attempts(),
					delivery.createdAt(), delivery.state() == DeliveryState.PENDING ? delivery.nextAttemptAt() : null,
					delivery.deliveredAt());
		}

	}

	record Items(List<Listed> items) {
	}

}
