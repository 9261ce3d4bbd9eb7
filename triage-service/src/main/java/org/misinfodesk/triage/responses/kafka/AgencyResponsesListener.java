package org.misinfodesk.triage.responses.kafka;

import java.time.Duration;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.misinfodesk.platform.events.IncomingEvent;
import org.misinfodesk.platform.events.MalformedEventException;
import org.misinfodesk.platform.inbox.Inbox;
import org.misinfodesk.triage.cases.Channels;
import org.misinfodesk.triage.responses.AgencyResponded;
import org.misinfodesk.triage.responses.RecordingAgencyResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@Component
class AgencyResponsesListener {

	static final String HANDLER = "record-agency-response";

	private static final Logger log = LoggerFactory.getLogger(AgencyResponsesListener.class);

	private final RecordingAgencyResponse recording;

	private final Inbox inbox;

	private final JsonMapper json;

	AgencyResponsesListener(RecordingAgencyResponse recording, Inbox inbox, JsonMapper json) {
		this.recording = recording;
		this.inbox = inbox;
		this.json = json;
	}

	@KafkaListener(topics = Channels.AGENCY_RESPONSES_TOPIC)
	void on(ConsumerRecord<String, String> record) {
		IncomingEvent event = IncomingEvent.from(record);
		if (!Channels.AGENCY_RESPONDED.equals(event.type())) {
			log.debug("Skipping {} {}", event.type(), event.id());
			return;
		}
		AgencyResponded response = this.json.readValue(event.data(), AgencyResponded.class);
		if (!response.complete()) {
			throw new MalformedEventException(
					"Event %s lacks caseId, agencyId, response or respondedAt".formatted(event.id()));
		}
		this.inbox.once(HANDLER, event, this.recording.record(response, event.id())).block(Duration.ofSeconds(30));
	}

}
