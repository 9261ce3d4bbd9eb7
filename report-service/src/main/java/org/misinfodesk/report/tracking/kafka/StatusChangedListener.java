package org.misinfodesk.report.tracking.kafka;

import java.time.Clock;
import java.time.Duration;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.misinfodesk.platform.events.IncomingEvent;
import org.misinfodesk.platform.events.MalformedEventException;
import org.misinfodesk.platform.inbox.Inbox;
import org.misinfodesk.report.tracking.ApplyingStatusChange;
import org.misinfodesk.report.updates.StatusMails;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads triage's status changes, and owes a consenting reporter an email for each. Each event is applied once (the inbox remembers its id); a failure
 * is retried and then parked on the dead-letter topic by the platform's error handler.
 */
@Component
class StatusChangedListener {

	static final String HANDLER = "status-changed";

	private final JsonMapper json;

	private final Inbox inbox;

	private final ApplyingStatusChange applying;

	private final StatusMails mails;

	private final Clock clock;

	StatusChangedListener(JsonMapper json, Inbox inbox, ApplyingStatusChange applying, StatusMails mails,
			Clock clock) {
		this.json = json;
		this.inbox = inbox;
		this.applying = applying;
		this.mails = mails;
		this.clock = clock;
	}

	@KafkaListener(topics = ReportStatusChanged.TOPIC)
	void on(ConsumerRecord<String, String> record) {
		IncomingEvent event = IncomingEvent.from(record);
		if (!ReportStatusChanged.TYPE.equals(event.type())) {
			return;
		}
		ReportStatusChanged body = this.json.readValue(event.data(), ReportStatusChanged.class);
		if (body == null) {
			throw new MalformedEventException("Status change " + event.id() + " has a null body");
		}
		var change = body.toChange(event.id(), event.time() != null ? event.time() : this.clock.instant());
		// Both steps are idempotent, so a retry after a failure between them completes the work.
		this.inbox.once(HANDLER, event, this.applying.apply(change).then(this.mails.oweFor(change, this.clock.instant())))
			.block(Duration.ofSeconds(30));
	}

}
