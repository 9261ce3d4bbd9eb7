package org.misinfodesk.notification.delivery;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.misinfodesk.notification.acknowledgement.Acknowledgement;
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
 * Triage says an agency missed a deadline: every contact point of the agency gets a reminder (email
 * to its configured and enabled added addresses, and a {@code case.overdue} webhook) with the same
 * acknowledgement link as the alert, and the case is kept for the supervisors' next digest.
 * Deliveries and digest entries have ids derived from case, routing, agency and deadline, so the
 * same overdue event handled twice reminds once. An event that crossed the agency's answer (it
 * acknowledged, or reported the outcome, just before) reminds nobody.
 */
@Service
public class RemindingAgency {

	private static final Logger log = LoggerFactory.getLogger(RemindingAgency.class);

	private final Agencies agencies;

	private final ManagingEmailContacts contacts;

	private final WebhookEndpoints endpoints;

	private final AcknowledgingCase acknowledging;

	private final Deliveries deliveries;

	private final DigestingOverdueCases digests;

	private final DispatchingDeliveries dispatcher;

	private final JsonMapper json;

	private final Clock clock;

	RemindingAgency(Agencies agencies, ManagingEmailContacts contacts, WebhookEndpoints endpoints,
			AcknowledgingCase acknowledging, Deliveries deliveries, DigestingOverdueCases digests,
			DispatchingDeliveries dispatcher,
			JsonMapper json, Clock clock) {
		this.agencies = agencies;
		this.contacts = contacts;
		this.endpoints = endpoints;
		this.acknowledging = acknowledging;
		this.deliveries = deliveries;
		this.digests = digests;
		this.dispatcher = dispatcher;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * @param traceparent the trace the overdue event came with, which the reminders' attempts
	 * continue; {@code null} if none
	 * @return how many deliveries are new
	 */
	public Mono<Long> remind(CaseOverdue overdue, String traceparent) {
		return this.acknowledging.findRouting(overdue.caseId(), overdue.routing(), overdue.agencyId())
			.map(Optional::of)
			.defaultIfEmpty(Optional.empty())
			.flatMap((acknowledgement) -> {
				if (acknowledgement.map((found) -> answered(found, overdue)).orElse(false)) {
					log.info("Case {} routing {} is overdue for {} at {}, but the agency answered meanwhile",
							overdue.caseId(), overdue.routing(), overdue.deadline(), overdue.agencyId());
					return Mono.just(0L);
				}
				return remind(overdue, acknowledgement.orElse(null), traceparent);
			})
			.doOnSuccess((created) -> this.dispatcher.wake());
	}

	private Mono<Long> remind(CaseOverdue overdue, Acknowledgement acknowledgement, String traceparent) {
		Optional<Agency> configured = this.agencies.find(overdue.agencyId());
		String name = configured.map(Agency::name)
			.orElse(acknowledgement != null ? acknowledgement.agencyName() : overdue.agencyId());
		String link = acknowledgement == null ? null : this.acknowledging.urlOf(acknowledgement);
		String token = acknowledgement == null ? null : acknowledgement.token();
		String payload = this.json.writeValueAsString(Reminder.of(overdue, link));
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		Mono<List<String>> recipients = this.contacts.recipientsOf(overdue.agencyId());
		Mono<List<WebhookEndpoint>> enabled = this.endpoints.findEnabledByAgency(overdue.agencyId()).collectList();
		return Mono.zip(recipients, enabled).flatMap((found) -> {
			List<String> emails = found.getT1();
			List<WebhookEndpoint> hooks = found.getT2();
			List<Delivery> all = new ArrayList<>();
			for (String email : emails) {
				all.add(Delivery.reminder(overdue, overdue.agencyId(), name, Channel.EMAIL, Target.email(email),
						payload, token, now, traceparent));
			}
			for (WebhookEndpoint hook : hooks) {
				all.add(Delivery.reminder(overdue, overdue.agencyId(), name, Channel.WEBHOOK,
						Target.webhook(hook.id(), hook.url()), payload, token, now, traceparent));
			}
			if (all.isEmpty()) {
				log.error("Case {} is overdue at agency {}, which has no contact point here: only supervisors' digest "
						+ "lists it",
						overdue.caseId(), overdue.agencyId());
			}
			return Flux.fromIterable(all)
				.concatMap(this.deliveries::insertIfAbsent)
				.filter(Boolean::booleanValue)
				.count()
				.flatMap((reminders) -> this.digests.record(overdue, name).thenReturn(reminders));
		});
	}

	private static boolean answered(Acknowledgement acknowledgement, CaseOverdue overdue) {
		return DigestingOverdueCases.answered(acknowledgement, overdue.deadline());
	}

}
