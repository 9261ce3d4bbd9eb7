package org.misinfodesk.notification.delivery;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.misinfodesk.notification.acknowledgement.AcknowledgementLink;
import org.misinfodesk.notification.acknowledgement.AcknowledgingCase;
import org.misinfodesk.notification.agency.Agencies;
import org.misinfodesk.notification.agency.Agency;
import org.misinfodesk.notification.agency.ManagingEmailContacts;
import org.misinfodesk.notification.webhook.WebhookEndpoint;
import org.misinfodesk.notification.webhook.WebhookEndpoints;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;

/**
 * A case was routed: every contact point of every agency it names gets a delivery (one per
 * configured or enabled added email address, one per enabled webhook endpoint), all carrying the
 * agency's acknowledgement link.
 * Deliveries have ids derived from what they deliver, so handling the same routing twice adds
 * nothing.
 */
@Service
public class SchedulingDeliveries {

	private static final Logger log = LoggerFactory.getLogger(SchedulingDeliveries.class);

	private final Agencies agencies;

	private final ManagingEmailContacts contacts;

	private final WebhookEndpoints endpoints;

	private final AcknowledgingCase acknowledging;

	private final Deliveries deliveries;

	private final DispatchingDeliveries dispatcher;

	private final JsonMapper json;

	private final Clock clock;

	SchedulingDeliveries(Agencies agencies, ManagingEmailContacts contacts, WebhookEndpoints endpoints, AcknowledgingCase acknowledging,
			Deliveries deliveries, DispatchingDeliveries dispatcher, JsonMapper json, Clock clock) {
		this.agencies = agencies;
		this.contacts = contacts;
		this.endpoints = endpoints;
		this.acknowledging = acknowledging;
		this.deliveries = deliveries;
		this.dispatcher = dispatcher;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * @param traceparent the trace the routing event came with, which the deliveries' attempts
	 * continue; {@code null} if none
	 * @return how many deliveries are new
	 */
	public Mono<Long> schedule(CaseRouted routed, String traceparent) {
		return Flux.fromIterable(routed.agencies())
			.concatMap((agency) -> scheduleFor(routed, agency, traceparent))
			.reduce(0L, Long::sum);
	}

	private Mono<Long> scheduleFor(CaseRouted routed, CaseRouted.AgencyRef ref, String traceparent) {
		Optional<Agency> configured = this.agencies.find(ref.id());
		String name = ref.name() != null && !ref.name().isBlank() ? ref.name()
				: configured.map(Agency::name).orElse(ref.id());
		Mono<List<String>> emails = this.contacts.recipientsOf(ref.id());
		Mono<List<WebhookEndpoint>> hooks = this.endpoints.findEnabledByAgency(ref.id()).collectList();
		return Mono.zip(emails, hooks).flatMap((found) -> {
			if (found.getT1().isEmpty() && found.getT2().isEmpty()) {
				log.error("Case {} routing {} names agency {}, which has no contact point here: nobody is alerted",
						routed.caseId(), routed.routing(), ref.id());
				return Mono.just(0L);
			}
			return this.acknowledging.open(routed.routedCase(), ref.id(), name)
				.flatMapMany((link) -> Flux.fromIterable(
						deliveriesFor(routed, ref.id(), name, found.getT1(), found.getT2(), link, traceparent)))
				.concatMap((delivery) -> this.deliveries.insertIfAbsent(delivery)
					.filter(Boolean::booleanValue)
					.doOnNext((created) -> this.dispatcher.wake(delivery.id())))
				.count();
		});
	}

	private List<Delivery> deliveriesFor(CaseRouted routed, String agencyId, String name, List<String> emails,
			List<WebhookEndpoint> hooks, AcknowledgementLink link, String traceparent) {
		String payload = this.json.writeValueAsString(Alert.of(routed, link.url()));
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		List<Delivery> all = new ArrayList<>();
		for (String email : emails) {
			all.add(Delivery.email(routed, agencyId, name, email, payload, link.token(), now, traceparent));
		}
		for (WebhookEndpoint hook : hooks) {
			all.add(Delivery.webhook(routed, agencyId, name, hook.id(), hook.url(), payload, link.token(), now,
					traceparent));
		}
		return all;
	}

}
