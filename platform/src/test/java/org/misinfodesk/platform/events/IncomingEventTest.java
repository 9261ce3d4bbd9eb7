package org.misinfodesk.platform.events;

import java.time.Instant;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.misinfodesk.platform.outbox.OutboxEvent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class IncomingEventTest {

	@Test
	void readsBackWhatTheRelayWrites() {
		var sent = new OutboxEvent("e-1", "org.misinfodesk.case.routed.v1", "/triage-service", "cases.routed", "c-1",
				"c-1", Instant.parse("2026-11-27T02:10:00Z"), "{\"caseId\":\"c-1\"}", null);
		var produced = OutgoingRecords.of(sent);
		var record = new ConsumerRecord<>("cases.routed", 0, 0L, produced.key(), produced.value());
		produced.headers().forEach((header) -> record.headers().add(header));

		IncomingEvent event = IncomingEvent.from(record);

		assertThat(event).isEqualTo(new IncomingEvent("e-1", "org.misinfodesk.case.routed.v1", "/triage-service",
				Instant.parse("2026-11-27T02:10:00Z"), "c-1", "c-1", "{\"caseId\":\"c-1\"}"));
	}

	@Test
	void refusesARecordWithoutCloudEventsHeadersAsMalformed() {
		var record = new ConsumerRecord<>("cases.routed", 0, 0L, "c-1", "{}");

		assertThatExceptionOfType(MalformedEventException.class).isThrownBy(() -> IncomingEvent.from(record));
	}

}
