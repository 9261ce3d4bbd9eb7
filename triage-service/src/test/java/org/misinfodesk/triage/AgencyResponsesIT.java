package org.misinfodesk.triage;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.misinfodesk.platform.test.CloudEventRecords;
import org.misinfodesk.platform.test.Contracts;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class AgencyResponsesIT extends RunningTriageService {

	static final String TYPE = "org.misinfodesk.agency.responded.v1";

	@Test
	void agencyAcknowledgementAndOutcomeAreRecordedOnceEach() {
		String caseId = routedHealthCase();
		String acknowledged = response(caseId, "ACKNOWLEDGED", "2026-11-27T03:00:00Z");
		String ackEventId = "ack-" + caseId;
		send(CloudEventRecords.withId(ackEventId, "agency.responses", TYPE, caseId, acknowledged));
		send(CloudEventRecords.withId(ackEventId, "agency.responses", TYPE, caseId, acknowledged));
		send(CloudEventRecords.of("agency.responses", TYPE, caseId,
				response(caseId, "RESOLVED", "2026-11-28T03:00:00Z")));

		await().atMost(Duration.ofSeconds(30))
			.until(() -> !caseOf(caseId).get("agencies").get(0).get("resolvedAt").isNull());
		JsonNode details = caseOf(caseId);
		JsonNode agency = details.get("agencies").get(0);
		assertThat(agency.get("acknowledgedAt").asString()).isEqualTo("2026-11-27T03:00:00Z");
		assertThat(agency.get("resolvedAt").asString()).isEqualTo("2026-11-28T03:00:00Z");
		assertThat(details.get("audit").findValuesAsString("action")).containsExactly("RECEIVED", "CLAIMED", "DECIDED",
				"ROUTED", "AGENCY_RESPONDED", "AGENCY_RESPONDED");
		assertThat(details.get("audit").get(4).get("by").asString()).isEqualTo("agency:so-y-te");
		assertThat(details.get("audit").get(4).get("details").asString()).startsWith("ACKNOWLEDGED");
	}

	@Test
	void responseAboutACaseTriageDoesNotKnowGoesToTheDeadLetterTopic() {
		String caseId = "c-unknown-" + freshReportId();
		send(CloudEventRecords.of("agency.responses", TYPE, caseId,
				response(caseId, "ACKNOWLEDGED", "2026-11-27T03:00:00Z")));

		assertThat(RecordedEvents.published(this.broker.getBrokersAsString(), "agency.responses.dlt", caseId, 1))
			.singleElement()
			.satisfies((record) -> assertThat(RecordedEvents.header(record, "ce_type")).isEqualTo(TYPE));
	}

	private String routedHealthCase() {
		String caseId = submit(ReportEvents.aHealthRumour(freshReportId()));
		claim(caseId, ANALYST);
		as(ANALYST).post()
			.uri("/api/v1/cases/{id}/decision", caseId)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Decisions.fakeHealthRumourRoutedTo("so-y-te"))
			.exchange()
			.expectStatus()
			.isOk();
		return caseId;
	}

	/** The contract's example, answering this case. */
	private static String response(String caseId, String kind, String at) {
		ObjectNode response = (ObjectNode) json.readTree(Contracts.example(TYPE));
		response.put("caseId", caseId);
		response.put("response", kind);
		response.put("respondedAt", at);
		return response.toString();
	}

}
