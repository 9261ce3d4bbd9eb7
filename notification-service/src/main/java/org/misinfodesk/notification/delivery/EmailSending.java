package org.misinfodesk.notification.delivery;

import java.nio.charset.StandardCharsets;

import jakarta.mail.internet.MimeMessage;
import org.misinfodesk.platform.problem.LanguageResolver;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * One attempt at an email delivery: renders the stored alert and hands it to the SMTP server.
 * JavaMail blocks, so it runs on the scheduler meant for blocking work.
 */
@Component
class EmailSending {

	static final String DELIVERY_HEADER = "X-Misinfodesk-Delivery";

	private final JavaMailSender mail;

	private final AlertEmail emails;

	private final JsonMapper json;

	private final MailSettings mailSettings;

	private final DeliverySettings settings;

	EmailSending(JavaMailSender mail, AlertEmail emails, JsonMapper json, MailSettings mailSettings,
			DeliverySettings settings) {
		this.mail = mail;
		this.emails = emails;
		this.json = json;
		this.mailSettings = mailSettings;
		this.settings = settings;
	}

	Mono<AttemptResult> send(Delivery delivery) {
		return Mono.fromCallable(() -> {
			Alert alert = this.json.readValue(delivery.payload(), Alert.class);
			AlertEmail.Message rendered = this.emails.render(alert, delivery.agencyName(), LanguageResolver.VIETNAMESE);
			MimeMessage message = this.mail.createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
			helper.setFrom(this.mailSettings.from());
			helper.setTo(delivery.target().email());
			helper.setSubject(rendered.subject());
			helper.setText(rendered.text(), false);
			message.setHeader(DELIVERY_HEADER, delivery.id());
			this.mail.send(message);
			return AttemptResult.succeeded(null);
		})
			.subscribeOn(Schedulers.boundedElastic())
			.timeout(this.settings.mailTimeout())
			.onErrorResume((ex) -> Mono.just(AttemptResult.failed(ex)));
	}

}
