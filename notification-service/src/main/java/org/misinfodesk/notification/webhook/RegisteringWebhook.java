package org.misinfodesk.notification.webhook;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.misinfodesk.notification.agency.Agencies;
import org.misinfodesk.platform.problem.FieldProblem;
import org.misinfodesk.platform.problem.ProblemException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * An administrator registers a URL of an agency's system; it gets a fresh secret, shown this once.
 */
@Service
public class RegisteringWebhook {

	public static final int MAX_DESCRIPTION = 500;

	private final Agencies agencies;

	private final WebhookTargets targets;

	private final WebhookEndpoints endpoints;

	private final Clock clock;

	RegisteringWebhook(Agencies agencies, WebhookTargets targets, WebhookEndpoints endpoints, Clock clock) {
		this.agencies = agencies;
		this.targets = targets;
		this.endpoints = endpoints;
		this.clock = clock;
	}

	public Mono<WebhookEndpoint> register(String agencyId, String url, String description) {
		if (this.agencies.find(agencyId).isEmpty()) {
			return Mono.error(unknownAgency(agencyId));
		}
		List<FieldProblem> problems = new ArrayList<>();
		String cleanDescription = description == null || description.isBlank() ? null : description.strip();
		if (cleanDescription != null && cleanDescription.length() > MAX_DESCRIPTION) {
			problems.add(FieldProblem.of("description", "too-long", MAX_DESCRIPTION));
		}
		return this.targets.check("url", url).flatMap((urlProblems) -> {
			problems.addAll(0, urlProblems);
			if (!problems.isEmpty()) {
				return Mono.error(ProblemException.invalid(problems));
			}
			WebhookEndpoint endpoint = WebhookEndpoint.registered(WebhookSecrets.newEndpointId(), agencyId,
					url.strip(), cleanDescription, WebhookSecrets.newSecret(),
					this.clock.instant().truncatedTo(ChronoUnit.MILLIS));
			return this.endpoints.insert(endpoint);
		});
	}

	public Flux<WebhookEndpoint> list(String agencyId) {
		if (this.agencies.find(agencyId).isEmpty()) {
			return Flux.error(unknownAgency(agencyId));
		}
		return this.endpoints.findByAgency(agencyId);
	}

	public Mono<WebhookEndpoint> find(String agencyId, String id) {
		return list(agencyId).filter((endpoint) -> endpoint.id().equals(id))
			.next()
			.switchIfEmpty(Mono.error(() -> ProblemException.of(HttpStatus.NOT_FOUND, "unknown-webhook", id)));
	}

	private static ProblemException unknownAgency(String agencyId) {
		return ProblemException.of(HttpStatus.NOT_FOUND, "unknown-agency", agencyId);
	}

}
