package org.misinfodesk.notification.agency.web;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.misinfodesk.notification.agency.ContactSource;
import org.misinfodesk.notification.agency.ContactState;
import org.misinfodesk.notification.agency.EmailContact;
import org.misinfodesk.notification.agency.ManagingEmailContacts;
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
@Tag(name = "Email contact points")
class EmailContactsController {

	private final ManagingEmailContacts managing;

	EmailContactsController(ManagingEmailContacts managing) {
		this.managing = managing;
	}

	@PostMapping("/api/v1/agencies/{agencyId}/emails")
	@Operation(summary = "Adds an email contact point to an agency (ADMIN): at most 254 characters; 409 when the "
			+ "agency has the address already, configured or added")
	Mono<ResponseEntity<Listed>> add(@PathVariable String agencyId, @RequestBody(required = false) Addition addition) {
		return this.managing.add(agencyId, addition == null ? null : addition.email())
			.map((contact) -> ResponseEntity
				.created(UriComponentsBuilder.fromPath("/api/v1/agencies/{agencyId}/emails/{id}")
					.build(agencyId, contact.id()))
				.body(Listed.of(contact)));
	}

	@GetMapping("/api/v1/agencies/{agencyId}/emails")
	@Operation(summary = "An agency's email contact points (ADMIN): the configured ones (source CONFIGURED, "
			+ "no id, changed only by configuration), then the added ones (source MANAGED)")
	Mono<Items> list(@PathVariable String agencyId) {
		return this.managing.list(agencyId).map(Listed::of).collectList().map(Items::new);
	}

	@PostMapping("/api/v1/agencies/{agencyId}/emails/{id}/disable")
	@Operation(summary = "Stops alerts and reminders to an added contact point (ADMIN)")
	Mono<Listed> disable(@PathVariable String agencyId, @PathVariable String id) {
		return this.managing.disable(agencyId, id).map(Listed::of);
	}

	@PostMapping("/api/v1/agencies/{agencyId}/emails/{id}/enable")
	@Operation(summary = "Resumes alerts and reminders to an added contact point (ADMIN)")
	Mono<Listed> enable(@PathVariable String agencyId, @PathVariable String id) {
		return this.managing.enable(agencyId, id).map(Listed::of);
	}

	@DeleteMapping("/api/v1/agencies/{agencyId}/emails/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Deletes an added contact point (ADMIN); deliveries already made to it stay listed")
	Mono<Void> delete(@PathVariable String agencyId, @PathVariable String id) {
		return this.managing.delete(agencyId, id);
	}

	record Addition(String email) {
	}

	record Listed(String id, String email, ContactSource source, ContactState state, Instant createdAt) {

		static Listed of(EmailContact contact) {
			return new Listed(contact.id(), contact.email(), contact.source(), contact.state(), contact.createdAt());
		}

	}

	record Items(List<Listed> items) {
	}

}
