package org.misinfodesk.notification.agency.web;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.misinfodesk.notification.agency.AgencyApiKey;
import org.misinfodesk.notification.agency.ManagingApiKeys;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

@RestController
@Tag(name = "Agency API keys")
class ApiKeysController {

	private final ManagingApiKeys managing;

	ApiKeysController(ManagingApiKeys managing) {
		this.managing = managing;
	}

	@PostMapping("/api/v1/agencies/{agencyId}/api-keys")
	@Operation(summary = "Creates an API key for an agency's own system (ADMIN). The answer is the only time the "
			+ "key (mdk_...) is shown: only its SHA-256 is kept. The system sends it as "
			+ "'Authorization: Bearer mdk_...' to /api/v1/agency/**")
	Mono<ResponseEntity<Created>> create(@PathVariable String agencyId) {
		return this.managing.create(agencyId)
			.map((created) -> ResponseEntity
				.created(UriComponentsBuilder.fromPath("/api/v1/agencies/{agencyId}/api-keys/{id}")
					.build(agencyId, created.stored().id()))
				.body(new Created(created.stored().id(), agencyId, created.key(), created.stored().createdAt())));
	}

	@GetMapping("/api/v1/agencies/{agencyId}/api-keys")
	@Operation(summary = "An agency's API keys, revoked ones included, without the keys themselves (ADMIN)")
	Mono<Items> list(@PathVariable String agencyId) {
		return this.managing.list(agencyId).map(Listed::of).collectList().map(Items::new);
	}

	@DeleteMapping("/api/v1/agencies/{agencyId}/api-keys/{keyId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Revokes an agency's API key at once (ADMIN); revoking it again changes nothing")
	Mono<Void> revoke(@PathVariable String agencyId, @PathVariable String keyId) {
		return this.managing.revoke(agencyId, keyId).then();
	}

	/** @param key the key itself, shown this once */
	record Created(String id, String agencyId, String key, Instant createdAt) {
	}

	record Listed(String id, String agencyId, Instant createdAt, Instant revokedAt, boolean revoked) {

		static Listed of(AgencyApiKey key) {
			return new Listed(key.id(), key.agencyId(), key.createdAt(), key.revokedAt(), key.revoked());
		}

	}

	record Items(List<Listed> items) {
	}

}
