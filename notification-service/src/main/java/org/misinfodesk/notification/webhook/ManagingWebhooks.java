package org.misinfodesk.notification.webhook;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.misinfodesk.platform.problem.ProblemException;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * An administrator disables, enables, deletes an agency's endpoint or rotates its secret. A rotated
 * secret is shown once; the previous one keeps signing beside it for the configured overlap.
 */
@Service
public class ManagingWebhooks {

	private final RegisteringWebhook registering;

	private final WebhookEndpoints endpoints;

	private final WebhookSettings settings;

	private final Clock clock;

	ManagingWebhooks(RegisteringWebhook registering, WebhookEndpoints endpoints, WebhookSettings settings,
			Clock clock) {
		this.registering = registering;
		this.endpoints = endpoints;
		this.settings = settings;
		this.clock = clock;
	}

	public Mono<WebhookEndpoint> disable(String agencyId, String id) {
		return this.registering.find(agencyId, id)
			.flatMap((endpoint) -> endpoint.enabled() ? this.endpoints.disable(id, DisabledReason.BY_ADMIN)
					: Mono.just(endpoint));
	}

	public Mono<WebhookEndpoint> enable(String agencyId, String id) {
		return this.registering.find(agencyId, id).flatMap((endpoint) -> this.endpoints.enable(id));
	}

	public Mono<Void> delete(String agencyId, String id) {
		return this.registering.find(agencyId, id).flatMap((endpoint) -> this.endpoints.delete(id)).then();
	}

	/** @return the endpoint with its new secret, to be shown this once */
	public Mono<WebhookEndpoint> rotateSecret(String agencyId, String id) {
		return this.registering.find(agencyId, id).flatMap((endpoint) -> {
			Instant until = this.clock.instant().truncatedTo(ChronoUnit.MILLIS).plus(this.settings.rotationOverlap());
			return this.endpoints.rotate(endpoint, WebhookSecrets.newSecret(), until)
				.switchIfEmpty(Mono.error(() -> ProblemException.of(HttpStatus.CONFLICT, "concurrent-rotation", id)));
		});
	}

}
