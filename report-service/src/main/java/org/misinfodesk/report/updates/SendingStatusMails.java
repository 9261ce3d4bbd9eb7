package org.misinfodesk.report.updates;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.bson.Document;
import org.misinfodesk.report.privacy.Contact;
import org.misinfodesk.report.privacy.ContactProtection;
import org.misinfodesk.report.privacy.SealedContact;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.context.MessageSource;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Sends the owed mails, in the language the reporter used. A failure is retried with doubling waits
 * from the stored state, so a restart loses nothing; after the last attempt the mail is marked
 * failed. A report whose contact was withdrawn, or has no email, gets none: the mail is cancelled.
 * Log lines name the report and the mail, never the address.
 */
@Component
class SendingStatusMails implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(SendingStatusMails.class);

	private final StatusMails mails;

	private final ReactiveMongoTemplate mongo;

	private final ContactProtection protection;

	private final JavaMailSender sender;

	private final MessageSource messages;

	private final StatusMailSettings settings;

	private final Clock clock;

	private final Scheduler scheduler = Schedulers.newSingle("status-mails");

	private volatile Disposable running;

	SendingStatusMails(StatusMails mails, ReactiveMongoTemplate mongo, ContactProtection protection,
			JavaMailSender sender, MessageSource messages, StatusMailSettings settings, Clock clock) {
		this.mails = mails;
		this.mongo = mongo;
		this.protection = protection;
		this.sender = sender;
		this.messages = messages;
		this.settings = settings;
		this.clock = clock;
	}

	@Override
	public void start() {
		this.running = Flux.interval(Duration.ZERO, this.settings.pollInterval(), this.scheduler)
			.onBackpressureDrop()
			.concatMap((tick) -> sendDue().onErrorResume((ex) -> {
				log.warn("Sending status mails failed; trying again at the next tick", ex);
				return Mono.empty();
			}), 1)
			.subscribe();
	}

	@Override
	public void stop() {
		Disposable current = this.running;
		if (current != null) {
			current.dispose();
		}
	}

	@Override
	public boolean isRunning() {
		Disposable current = this.running;
		return current != null && !current.isDisposed();
	}

	/** Sends every mail that is due now, one after another. */
	Mono<Void> sendDue() {
		return Mono.defer(() -> {
			Instant now = this.clock.instant();
			return this.mails.claimNext(now, now.plus(this.settings.lease()));
		}).flatMap(this::send).defaultIfEmpty(false).repeat().takeWhile((sent) -> sent).then();
	}

	Mono<Boolean> send(StatusMail mail) {
		return this.mongo.findById(mail.reportId(), Document.class, "reports")
			.flatMap((report) -> {
				Document sealed = report.get("contact", Document.class);
				if (sealed == null) {
					return this.mails.settle(mail, StatusMail.State.CANCELLED, null, "no contact (withdrawn)")
						.thenReturn(true);
				}
				Contact contact = this.protection.open(
						new SealedContact(sealed.getString("keyId"), sealed.getString("ciphertext")), mail.reportId());
				if (contact.email() == null) {
					return this.mails.settle(mail, StatusMail.State.CANCELLED, null, "no email address").thenReturn(true);
				}
				return Mono.fromRunnable(() -> deliver(mail, report, contact.email()))
					.subscribeOn(Schedulers.boundedElastic())
					.then(this.mails.settle(mail, StatusMail.State.SENT, null, null))
					.doOnSuccess((done) -> log.info("Status mail {} sent for report {}", mail.id(), mail.reportId()))
					.onErrorResume(MailException.class, (failed) -> retryLater(mail, failed))
					.thenReturn(true);
			})
			.switchIfEmpty(Mono.defer(
					() -> this.mails.settle(mail, StatusMail.State.CANCELLED, null, "no report").thenReturn(true)));
	}

	private Mono<Void> retryLater(StatusMail mail, MailException failed) {
		if (mail.attempts() >= this.settings.maxAttempts()) {
			log.warn("Status mail {} for report {} failed {} times; giving up: {}", mail.id(), mail.reportId(),
					mail.attempts(), failed.getClass().getSimpleName());
			return this.mails.settle(mail, StatusMail.State.FAILED, null, failed.getClass().getSimpleName());
		}
		Duration wait = this.settings.firstRetry().multipliedBy(1L << Math.min(20, mail.attempts() - 1));
		log.info("Status mail {} for report {} failed (attempt {}); next try in {}", mail.id(), mail.reportId(),
				mail.attempts(), wait);
		return this.mails.settle(mail, StatusMail.State.PENDING, this.clock.instant().plus(wait),
				failed.getClass().getSimpleName());
	}

	private void deliver(StatusMail mail, Document report, String address) {
		Locale locale = Locale.forLanguageTag("en".equals(report.getString("language")) ? "en" : "vi");
		String code = report.getString("trackingCode");
		String status = this.messages.getMessage("status." + mail.status(), null, mail.status(), locale);
		String link = UriComponentsBuilder.fromUriString(this.settings.publicBaseUrl())
			.path("/track/{code}")
			.queryParam("lang", locale.getLanguage())
			.buildAndExpand(code)
			.encode()
			.toUriString();
		String note = mail.publicNote() == null ? ""
				: this.messages.getMessage("mail.status.note", new Object[] { mail.publicNote() }, locale) + "\n\n";
		try {
			MimeMessage message = this.sender.createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
			helper.setFrom(this.settings.from());
			helper.setTo(address);
			helper.setSubject(this.messages.getMessage("mail.status.subject", new Object[] { code, status }, locale));
			helper.setText(this.messages.getMessage("mail.status.body", new Object[] { code, status, note, link },
					locale));
			this.sender.send(message);
		}
		catch (MessagingException ex) {
			throw new org.springframework.mail.MailPreparationException("Cannot build status mail " + mail.id(), ex);
		}
	}

}
