package org.misinfodesk.notification.delivery;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.mail.internet.MimeMessage;
import org.misinfodesk.notification.agency.Agencies;
import org.misinfodesk.notification.agency.Agency;
import org.misinfodesk.platform.problem.LanguageResolver;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * One attempt at an email delivery: renders the stored alert or reminder in the agency's language
 * (a notice is stored rendered) and hands it to the SMTP server as plain text with an HTML
 * alternative. JavaMail blocks, so it runs on the scheduler meant for blocking work.
 */
@Component
class EmailSending {

	static final String DELIVERY_HEADER = "X-Misinfodesk-Delivery";

	private final JavaMailSender mail;

	private final AlertEmail emails;

	private final Agencies agencies;

	private final JsonMapper json;

	private final MailSettings mailSettings;

	private final DeliverySettings settings;

	EmailSending(JavaMailSender mail, AlertEmail emails, Agencies agencies, JsonMapper json,
			MailSettings mailSettings, DeliverySettings settings) {
		this.mail = mail;
		this.emails = emails;
		this.agencies = agencies;
		this.json = json;
		this.mailSettings = mailSettings;
		this.settings = settings;
	}

	Mono<AttemptResult> send(Delivery delivery) {
		return Mono.fromCallable(() -> {
			EmailContent.Message rendered = render(delivery);
			MimeMessage message = this.mail.createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED,
					StandardCharsets.UTF_8.name());
			helper.setFrom(this.mailSettings.from());
			helper.setTo(delivery.target().email());
			helper.setSubject(rendered.subject());
			helper.setText(rendered.text(), rendered.html());
			message.setHeader(DELIVERY_HEADER, delivery.id());
			this.mail.send(message);
			return AttemptResult.succeeded(null);
		})
			.subscribeOn(Schedulers.boundedElastic())
			.timeout(this.settings.mailTimeout())
			.onErrorResume((ex) -> Mono.just(AttemptResult.failed(ex)));
	}

	EmailContent.Message render(Delivery delivery) {
		return switch (delivery.kind()) {
			case ALERT -> this.emails.render(this.json.readValue(delivery.payload(), Alert.class),
					delivery.agencyName(), localeOf(delivery.agencyId()));
			case REMINDER -> this.emails.render(this.json.readValue(delivery.payload(), Reminder.class),
					delivery.agencyName(), localeOf(delivery.agencyId()));
			case NOTICE -> {
				Notice notice = this.json.readValue(delivery.payload(), Notice.class);
				yield new EmailContent.Message(notice.subject(), notice.text(), notice.html());
			}
		};
	}

	private Locale localeOf(String agencyId) {
		return this.agencies.find(agencyId).map(Agency::locale).orElse(LanguageResolver.VIETNAMESE);
	}

}
