package org.misinfodesk.notification.delivery;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.misinfodesk.notification.webhook.RegisteringWebhook;
import org.misinfodesk.platform.problem.ProblemException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * An administrator sends a delivery again, or recovers every failed delivery of an endpoint since a
 * time (after the agency fixed its system). Each starts its retry schedule again with the same body
 * and {@code webhook-id}, so a receiver that did get it once can tell.
 */
@Service
public class ReplayingDeliveries {

	private final Deliveries deliveries;

	private final RegisteringWebhook webhooks;

	private final DispatchingDeliveries dispatcher;

	private final Clock clock;

	ReplayingDeliveries(Deliveries deliveries, RegisteringWebhook webhooks, DispatchingDeliveries dispatcher,
			Clock clock) {
		this.deliveries = deliveries;
		this.webhooks = webhooks;
		this.dispatcher = dispatcher;
		this.clock = clock;
	}

	public Mono<Delivery> replay(String id) {
		return this.deliveries.findById(id)
			.switchIfEmpty(Mono.error(() -> ProblemException.of(HttpStatus.NOT_FOUND, "unknown-delivery", id)))
			.flatMap((found) -> this.deliveries.replay(id, now()))
			.switchIfEmpty(Mono.error(() -> ProblemException.of(HttpStatus.CONFLICT, "delivery-pending", id)))
			.doOnNext((replayed) -> this.dispatcher.wake());
	}

	/** @return how many failed deliveries were started again */
	public Mono<Long> recover(String agencyId, String endpointId, Instant since) {
		return this.webhooks.find(agencyId, endpointId)
			.flatMapMany((endpoint) -> this.deliveries.findFailedToEndpointSince(endpoint.id(), since))
			.concatMap((failed) -> this.deliveries.replay(failed.id(), now()))
			.count()
			.doOnNext((count) -> this.dispatcher.wake());
	}

	public Flux<Delivery> failed(int limit) {
		return this.deliveries.findByState(DeliveryState.FAILED, limit);
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

}
