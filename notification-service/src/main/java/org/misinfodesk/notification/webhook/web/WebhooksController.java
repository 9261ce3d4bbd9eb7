package org.misinfodesk.notification.webhook.web;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.misinfodesk.notification.webhook.EndpointState;
import org.misinfodesk.notification.webhook.RegisteringWebhook;
import org.misinfodesk.notification.webhook.WebhookEndpoint;
import reactor.core.publisher.Mono;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

@RestController
@Tag(name = "Webhooks")
class WebhooksController {

	private final RegisteringWebhook registering;

	WebhooksController(RegisteringWebhook registering) {
		this.registering = registering;
	}

	@PostMapping("/api/v1/agencies/{agencyId}/webhooks")
	@Operation(summary = "Registers a webhook endpoint of an agency (ADMIN); the secret is shown only in this answer")
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

	record Registration(String url, String description) {
	}

	record Registered(String id, String url, String description, String secret, EndpointState state,
			Instant createdAt) {

		static Registered of(WebhookEndpoint endpoint) {
			return new Registered(endpoint.id(), endpoint.url(), endpoint.description(), endpoint.secret(),
					endpoint.state(), endpoint.createdAt());
		}

	}

	record Listed(String id, String url, String description, EndpointState state, Instant createdAt) {

		static Listed of(WebhookEndpoint endpoint) {
			return new Listed(endpoint.id(), endpoint.url(), endpoint.description(), endpoint.state(),
					endpoint.createdAt());
		}

	}

	record Items(List<Listed> items) {
	}

}
