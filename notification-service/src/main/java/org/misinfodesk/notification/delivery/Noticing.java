package org.misinfodesk.notification.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;

import org.misinfodesk.notification.agency.Agencies;
import org.misinfodesk.notification.agency.Agency;
import org.misinfodesk.notification.agency.ManagingEmailContacts;
import org.misinfodesk.notification.text.Wording;
import org.misinfodesk.notification.webhook.DisabledReason;
import org.misinfodesk.notification.webhook.WebhookEndpoint;
import org.misinfodesk.platform.problem.LanguageResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Tells people about what went wrong, by email deliveries of their own (durable and retried like
 * any other): administrators when a delivery is given up, an agency when its endpoint is disabled,
 * supervisors with the digest of a period's overdue cases. Staff notices are written in Vietnamese
 * with the English below; an agency's in its own language.
 */
@Component
class Noticing {

	private static final Logger log = LoggerFactory.getLogger(Noticing.class);

	private static final Locale ENGLISH = Locale.ENGLISH;

	private final Deliveries deliveries;

	private final StaffContacts staff;

	private final Agencies agencies;

	private final ManagingEmailContacts contacts;

	private final Wording wording;

	private final JsonMapper json;

	private final Clock clock;

	Noticing(Deliveries deliveries, StaffContacts staff, Agencies agencies, ManagingEmailContacts contacts,
			Wording wording, JsonMapper json, Clock clock) {
		this.deliveries = deliveries;
		this.staff = staff;
		this.agencies = agencies;
		this.contacts = contacts;
		this.wording = wording;
		this.json = json;
		this.clock = clock;
	}

	/** A delivery used up its schedule: every administrator hears of it. */
	Mono<Long> deliveryFailed(Delivery failed, Attempt last) {
		if (failed.kind() == DeliveryKind.NOTICE) {
			log.error("Notice {} to {} failed after {} attempts; no further notice is sent about a notice",
					failed.id(), failed.target().email(), failed.attempts().size() + 1);
			return Mono.just(0L);
		}
		String address = failed.channel() == Channel.EMAIL ? failed.target().email() : failed.target().url();
		String lastError = last.statusCode() != null ? "HTTP " + last.statusCode() : String.valueOf(last.error());
		EmailContent.Message message = staffNotice(
				(content, locale) -> {
					content.line(this.wording.message("notice.failed.intro", locale)).blank();
					content.line(this.wording.message("notice.failed.delivery", locale, failed.id()));
					content.line(this.wording.message("notice.failed.case", locale, failed.caseId()));
					content.line(this.wording.message("notice.failed.agency", locale, failed.agencyId()));
					content.line(this.wording.message("notice.failed.target", locale, failed.channel().name(), address));
					content.line(this.wording.message("notice.failed.attempts", locale,
							Integer.toString(failed.attempts().size() + 1)));
					content.line(this.wording.message("notice.failed.last", locale, lastError)).blank();
					content.line(this.wording.message("notice.failed.act", locale, failed.id()));
				}, this.wording.message("notice.failed.subject", LanguageResolver.VIETNAMESE, failed.caseId(),
						failed.agencyId()));
		// The reason names the run of the schedule, so a replayed delivery that fails again is noticed again.
		String reason = "failed/" + failed.id() + "/" + failed.attempts().size();
		return send(reason, failed.caseId(), failed.agencyId(), this.staff.admins().emails(), message);
	}

	/** An endpoint was disabled automatically: the agency's email contacts hear of it, or the admins if it has none. */
	Mono<Long> endpointDisabled(WebhookEndpoint endpoint) {
		return this.contacts.recipientsOf(endpoint.agencyId())
			.flatMap((emails) -> endpointDisabled(endpoint, emails.isEmpty() ? this.staff.admins().emails() : emails));
	}

	private Mono<Long> endpointDisabled(WebhookEndpoint endpoint, List<String> recipients) {
		Agency agency = this.agencies.find(endpoint.agencyId()).orElse(null);
		String name = agency == null ? endpoint.agencyId() : agency.name();
		Locale locale = agency == null ? LanguageResolver.VIETNAMESE : agency.locale();
		EmailContent content = new EmailContent(locale.getLanguage());
		content.line(this.wording.message("notice.disabled.greeting", locale, name)).blank();
		content.line(this.wording.message("notice.disabled.url", locale, endpoint.url()));
		content.line(endpoint.disabledReason() == DisabledReason.FAILING
				? this.wording.message("notice.disabled.reason.FAILING", locale,
						this.wording.dateTime(endpoint.failingSince() == null ? now() : endpoint.failingSince(), locale))
				: this.wording.message("notice.disabled.reason.GONE", locale))
			.blank();
		content.line(this.wording.message("notice.disabled.act", locale)).blank();
		content.line(this.wording.message("mail.alert.signature", locale));
		EmailContent.Message message = content.build(this.wording.message("notice.disabled.subject", locale, name));
		String reason = "disabled/" + endpoint.id() + "/" + endpoint.disabledReason() + "/"
				+ (endpoint.failingSince() == null ? "" : endpoint.failingSince().toString());
		return send(reason, null, endpoint.agencyId(), recipients, message);
	}

	/**
	 * The supervisors' digest of one period: every case whose agency missed a deadline, with the
	 * agency, the deadline and how many days late it is.
	 * @param period the period's id, which names the digest, so scheduling it again sends it once
	 */
	Mono<Long> overdueDigest(String period, Instant start, Instant end, List<OverdueEntry> entries, Instant now) {
		EmailContent.Message message = staffNotice((content, locale) -> {
			content.line(this.wording.message("notice.digest.intro", locale, Integer.toString(entries.size()),
					this.wording.dateTime(start, locale), this.wording.dateTime(end, locale)))
				.blank();
			content.items(entries.stream()
				.map((entry) -> this.wording.message("notice.digest.case", locale, entry.caseId(), entry.agencyName(),
						this.wording.message("notice.overdue.deadline." + entry.deadline(), locale),
						this.wording.dateTime(entry.dueAt(), locale),
						Long.toString(Math.max(0, Duration.between(entry.dueAt(), now).toDays())),
						this.wording.label("severity", entry.severity(), locale)))
				.toList());
			content.blank().line(this.wording.message("notice.digest.act", locale));
		}, this.wording.message("notice.digest.subject", LanguageResolver.VIETNAMESE, Integer.toString(entries.size()),
				this.wording.dateTime(end, LanguageResolver.VIETNAMESE)));
		return send("digest/" + period, null, null, this.staff.supervisors().emails(), message);
	}

	/** Vietnamese first, then the same in English. */
	private EmailContent.Message staffNotice(BiConsumer<EmailContent, Locale> body, String subject) {
		EmailContent content = new EmailContent("vi");
		body.accept(content, LanguageResolver.VIETNAMESE);
		content.blank().line(this.wording.message("notice.english-follows", LanguageResolver.VIETNAMESE)).blank();
		body.accept(content, ENGLISH);
		content.blank().line(this.wording.message("mail.alert.signature", LanguageResolver.VIETNAMESE));
		return content.build(subject);
	}

	private Mono<Long> send(String reason, String caseId, String agencyId, List<String> recipients,
			EmailContent.Message message) {
		if (recipients.isEmpty()) {
			log.warn("Nobody is configured to receive the notice '{}' ({})", message.subject(), reason);
			return Mono.just(0L);
		}
		String payload = this.json.writeValueAsString(Notice.of(message));
		Instant now = now();
		return Flux.fromIterable(recipients)
			.map((address) -> Delivery.notice(reason, caseId, agencyId, address, payload, now))
			.concatMap(this.deliveries::insertIfAbsent)
			.filter(Boolean::booleanValue)
			.count();
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

}
