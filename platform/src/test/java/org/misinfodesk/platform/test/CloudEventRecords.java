package org.misinfodesk.platform.test;

import java.time.Instant;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.misinfodesk.platform.events.OutgoingRecords;
import org.misinfodesk.platform.outbox.OutboxEvent;

/**
 * Kafka records shaped exactly as the relay publishes them, for consumer tests.
 */
public final class CloudEventRecords {

	private CloudEventRecords() {
	}

	public static ProducerRecord<String, String> of(String topic, String type, String key, String json) {
		return withId(UUID.randomUUID().toString(), topic, type, key, json);
	}

	public static ProducerRecord<String, String> withId(String id, String topic, String type, String key,
			String json) {
		return OutgoingRecords.of(
				new OutboxEvent(id, type, "/test", topic, key, key, Instant.now(), json, null));
	}

}
