package org.misinfodesk.platform.events;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.misinfodesk.platform.outbox.OutboxEvent;

/**
 * Turns a stored outbox event into a binary-mode CloudEvents Kafka record.
 */
public final class OutgoingRecords {

	private OutgoingRecords() {
	}

	public static ProducerRecord<String, String> of(OutboxEvent event) {
		var record = new ProducerRecord<String, String>(event.topic(), event.key(), event.data());
		var headers = record.headers();
		CloudEventHeaders.put(headers, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
		CloudEventHeaders.put(headers, CloudEventHeaders.ID, event.id());
		CloudEventHeaders.put(headers, CloudEventHeaders.TYPE, event.type());
		CloudEventHeaders.put(headers, CloudEventHeaders.SOURCE, event.source());
		CloudEventHeaders.put(headers, CloudEventHeaders.TIME, event.time().toString());
		CloudEventHeaders.put(headers, CloudEventHeaders.SUBJECT, event.subject());
		CloudEventHeaders.put(headers, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
		CloudEventHeaders.put(headers, CloudEventHeaders.TRACEPARENT, event.traceparent());
		return record;
	}

}
