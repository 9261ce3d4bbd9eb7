package org.misinfodesk.platform.events;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A CloudEvent read off a Kafka record. Its {@code data} stays raw JSON so that each consumer reads
 * it into its own trimmed record.
 */
public record IncomingEvent(String id, String type, String source, Instant time, String subject, String key,
		String data) {

	/**
	 * Reads the binary-mode headers of a record.
	 * @throws MalformedEventException when a required attribute is missing, so the record goes to the
	 * dead-letter topic instead of being retried forever
	 */
	public static IncomingEvent from(ConsumerRecord<String, String> record) {
		var headers = record.headers();
		String id = CloudEventHeaders.get(headers, CloudEventHeaders.ID);
		String type = CloudEventHeaders.get(headers, CloudEventHeaders.TYPE);
		String source = CloudEventHeaders.get(headers, CloudEventHeaders.SOURCE);
		String specVersion = CloudEventHeaders.get(headers, CloudEventHeaders.SPEC_VERSION);
		if (id == null || id.isBlank() || type == null || source == null
				|| !CloudEventHeaders.SPEC_VERSION_1_0.equals(specVersion)) {
			throw new MalformedEventException("Not a CloudEvents 1.0 record: %s-%d@%d".formatted(record.topic(),
					record.partition(), record.offset()));
		}
		if (record.value() == null) {
			throw new MalformedEventException("Event %s has no data".formatted(id));
		}
		return new IncomingEvent(id, type, source, parseTime(CloudEventHeaders.get(headers, CloudEventHeaders.TIME)),
				CloudEventHeaders.get(headers, CloudEventHeaders.SUBJECT), record.key(), record.value());
	}

	private static Instant parseTime(String time) {
		if (time == null) {
			return null;
		}
		try {
			return Instant.parse(time);
		}
		catch (DateTimeParseException ex) {
			throw new MalformedEventException("Unreadable ce_time " + time);
		}
	}

}
