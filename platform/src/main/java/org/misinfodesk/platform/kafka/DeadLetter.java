package org.misinfodesk.platform.kafka;

import java.time.Instant;

/**
 * A record parked in a {@code <topic>.dlt}, with why it failed.
 */
public record DeadLetter(String topic, int partition, long offset, String originalTopic, String key, String eventId,
		String eventType, String error, Instant parkedAt, String data) {
}
