package org.misinfodesk.notification.webhook.web;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.misinfodesk.notification.webhook.DisabledReason;
import org.misinfodesk.notification.webhook.EndpointState;
import org.misinfodesk.notification.webhook.ManagingWebhooks;
import org.misinfodesk.notification.webhook.RegisteringWebhook;
import org.misinfodesk.notification.webhook.WebhookEndpoint;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

@RestController
@Tag(name = "Webhooks")
class WebhooksController {

	private final RegisteringWebhook registering;

	private final ManagingWebhooks managing;

	WebhooksController(RegisteringWebhook registering, ManagingWebhooks managing) {
		this.registering = registering;
		this.managing = managing;
	}

	@PostMapping("/api/v1/agencies/{agencyId}/webhooks")
	@Operation(summary = "Registers a webhook endpoint of an agency (ADMIN); the secret is shown only in this answer",
			description = "Each alert is a POST signed per Standard Webhooks v1 (webhook-id, webhook-timestamp, "
					+ "webhook-signature), with a W3C traceparent header in the trace of the case's routing, "
					+ "which the agency's system may continue")
	Mono<ResponseEntity<Registered>> register(@PathVariable String agencyId, @RequestBody Registration registration) {
		return this.registering.register(agencyId, registration.url(), registration.description())
			.map((endpoint) -> ResponseEntity
				.created(UriComponentsBuilder.fromPath("/api/v1/agencies/{agencyId}/webhooks/{id}")
					.build(agencyId, endpoint.id()))
				.body(Registered.of(endpoint)));
	}

	@GetMapping("/api/v1/agencies/{agencyId}/webhooks")
	@Operation(summary = "An agency's webhook endpoints, without their secrets (ADMIN)")
	Mono<Items> list(@PathVariable String agencyId) {
		return this.registering.list(agencyId).map(Listed::of).collectList().map(Items::new);
	}

	@GetMapping("/api/v1/agencies/{agencyId}/webhooks/{id}")
	@Operation(summary = "One webhook endpoint of an agency, without its secret (ADMIN)")
	Mono<Listed> one(@PathVariable String agencyId, @PathVariable String id) {
		return this.registering.find(agencyId, id).map(Listed::of);
	}

	@PostMapping("/api/v1/agencies/{agencyId}/webhooks/{id}/disable")
	@Operation(summary = "Stops alerts to an endpoint (ADMIN); its pending deliveries fail and can be recovered later")
	Mono<Listed> disable(@PathVariable String agencyId, @PathVariable String id) {
		return this.managing.disable(agencyId, id).map(Listed::of);
	}

	@PostMapping("/api/v1/agencies/{agencyId}/webhooks/{id}/enable")
	@Operation(summary = "Resumes alerts to an endpoint (ADMIN), with its failure record cleared")
	Mono<Listed> enable(@PathVariable String agencyId, @PathVariable String id) {
		return this.managing.enable(agencyId, id).map(Listed::of);
	}

	@DeleteMapping("/api/v1/agencies/{agencyId}/webhooks/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Deletes an endpoint (ADMIN); its pending deliveries fail")
	Mono<Void> delete(@PathVariable String agencyId, @PathVariable String id) {
		return this.managing.delete(agencyId, id);
	}

	@PostMapping("/api/v1/agencies/{agencyId}/webhooks/{id}/secret/rotate")
	@Operation(summary = "Gives an endpoint a new secret, shown only in this answer (ADMIN); the previous secret "
			+ "keeps signing beside it (several v1 signatures in webhook-signature) until previousSecretUntil")
	Mono<Registered> rotate(@PathVariable String agencyId, @PathVariable String id) {
		return this.managing.rotateSecret(agencyId, id).map(Registered::of);
	}

	record Registration(String url, String description) {
	}

	record Registered(String id, String url, String description, String secret, EndpointState state,
			Instant createdAt, Instant previousSecretUntil) {

		static Registered of(WebhookEndpoint endpoint) {
			return new Registered(endpoint.id(), endpoint.url(), endpoint.description(), endpoint.secret(),
					endpoint.state(), endpoint.createdAt(), endpoint.previousSecretUntil());
		}

	}

	record Listed(String id, String url, String description, EndpointState state, DisabledReason disabledReason,
			Instant createdAt, Instant failingSince, Instant previousSecretUntil) {

		static Listed of(WebhookEndpoint endpoint) {
			return new Listed(endpoint.id(), endpoint.url(), endpoint.description(), endpoint.state(),
					endpoint.disabledReason(), endpoint.createdAt(), endpoint.failingSince(),
					endpoint.previousSecretUntil());
		}

	}

	record Items(List<Listed> items) {
	}

}
