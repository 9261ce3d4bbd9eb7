package org.misinfodesk.notification.delivery.kafka;

import java.time.Duration;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.misinfodesk.notification.delivery.CaseRouted;
import org.misinfodesk.notification.delivery.SchedulingDeliveries;
import org.misinfodesk.platform.events.CloudEventHeaders;
import org.misinfodesk.platform.events.IncomingEvent;
import org.misinfodesk.platform.inbox.Inbox;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Schedules the deliveries of each routed case. The inbox skips events already handled, and the
 * deliveries' derived ids make a replay after a crash harmless too.
 */
@Component
class CaseRoutedListener {

	static final String TOPIC = "cases.routed";

	static final String HANDLER = "notification-deliveries";

	private final SchedulingDeliveries scheduling;

	private final Inbox inbox;

	private final JsonMapper json;

	CaseRoutedListener(SchedulingDeliveries scheduling, Inbox inbox, JsonMapper json) {
		this.scheduling = scheduling;
		this.inbox = inbox;
		this.json = json;
	}

	@KafkaListener(topics = TOPIC)
	void on(ConsumerRecord<String, String> record) {
		IncomingEvent event = IncomingEvent.from(record);
		if (!CaseRouted.TYPE.equals(event.type())) {
			return;
		}
		CaseRouted routed = this.json.readValue(event.data(), CaseRouted.class).validated();
		String traceparent = CloudEventHeaders.get(record.headers(), CloudEventHeaders.TRACEPARENT);
		this.inbox.once(HANDLER, event, this.scheduling.schedule(routed, traceparent)).block(Duration.ofSeconds(30));
	}

}
