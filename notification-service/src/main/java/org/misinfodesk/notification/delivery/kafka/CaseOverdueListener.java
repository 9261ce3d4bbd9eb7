package org.misinfodesk.notification.delivery.kafka;

import java.time.Duration;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.misinfodesk.notification.delivery.CaseOverdue;
import org.misinfodesk.notification.delivery.RemindingAgency;
import org.misinfodesk.platform.events.CloudEventHeaders;
import org.misinfodesk.platform.events.IncomingEvent;
import org.misinfodesk.platform.inbox.Inbox;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reminds agencies of the cases triage finds overdue. The inbox skips events already handled, and
 * the reminders' derived ids make a replay after a crash harmless too.
 */
@Component
class CaseOverdueListener {

	static final String TOPIC = "cases.overdue";

	static final String HANDLER = "notification-reminders";

	private final RemindingAgency reminding;

	private final Inbox inbox;

	private final JsonMapper json;

	CaseOverdueListener(RemindingAgency reminding, Inbox inbox, JsonMapper json) {
		this.reminding = reminding;
		this.inbox = inbox;
		this.json = json;
	}

	@KafkaListener(topics = TOPIC)
	void on(ConsumerRecord<String, String> record) {
		IncomingEvent event = IncomingEvent.from(record);
		if (!CaseOverdue.TYPE.equals(event.type())) {
			return;
		}
		CaseOverdue overdue = this.json.readValue(event.data(), CaseOverdue.class).validated();
		String traceparent = CloudEventHeaders.get(record.headers(), CloudEventHeaders.TRACEPARENT);
		this.inbox.once(HANDLER, event, this.reminding.remind(overdue, traceparent)).block(Duration.ofSeconds(30));
	}

}
