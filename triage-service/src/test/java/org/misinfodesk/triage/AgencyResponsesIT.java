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
	void aDeclineByTheOnlyAgencyPutsTheCaseBackInTheQueueWithItsDeadlinesStoppedAndPriorityRaised() {
		String caseId = routedHealthCase();
		JsonNode routed = caseOf(caseId);
		assertThat(routed.get("status").asString()).isEqualTo("ROUTED");
		String declined = response(caseId, "DECLINED", "2026-11-27T04:00:00Z");
		Contracts.assertValid(TYPE, declined);

		send(CloudEventRecords.of("agency.responses", TYPE, caseId, declined));

		await().atMost(Duration.ofSeconds(30)).until(() -> caseOf(caseId).get("status").asString().equals("IN_REVIEW"));
		JsonNode back = caseOf(caseId);
		assertThat(back.get("priority").asInt()).isEqualTo(routed.get("priority").asInt() + 25);
		assertThat(back.get("claim").isNull()).isTrue();
		assertThat(back.get("nextDeadlineAt").isNull()).isTrue();
		JsonNode agency = back.get("agencies").get(0);
		assertThat(agency.get("declinedAt").asString()).isEqualTo("2026-11-27T04:00:00Z");
		assertThat(agency.get("resolvedAt").isNull()).isTrue();
		assertThat(agency.get("late").asBoolean()).isFalse();
		JsonNode last = back.get("audit").get(back.get("audit").size() - 1);
		assertThat(last.get("action").asString()).isEqualTo("AGENCY_RESPONDED");
		assertThat(last.get("by").asString()).isEqualTo("agency:so-y-te");
		assertThat(last.get("details").asString()).startsWith("DECLINED")
			.contains("case back in the queue to be routed again");
		assertThat(body(as(ANALYST).get().uri(WHOLE_QUEUE).exchange().expectStatus().isOk())
			.findValuesAsString("id")).contains(caseId);

		claim(caseId, ANALYST);
		as(ANALYST).post()
			.uri("/api/v1/cases/{id}/decision", caseId)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Decisions.fakeHealthRumourRoutedTo("so-vhttdl"))
			.exchange()
			.expectStatus()
			.isOk();
		JsonNode rerouted = caseOf(caseId);
		assertThat(rerouted.get("status").asString()).isEqualTo("ROUTED");
		assertThat(rerouted.get("routing").asInt()).isEqualTo(2);
		assertThat(rerouted.get("agencies").findValuesAsString("id")).containsExactly("so-y-te", "so-vhttdl");
	}

	@Test
	void aCaseOneAgencyDeclinedStaysWithTheOtherAndGoesBackToTheQueueOnceTheOtherResolvesIt() {
		String caseId = routedHealthCase("so-y-te", "ubnd-phuong-phu-ly");
		send(CloudEventRecords.of("agency.responses", TYPE, caseId,
				response(caseId, "DECLINED", "2026-11-27T04:00:00Z", "so-y-te")));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> !caseOf(caseId).get("agencies").get(0).get("declinedAt").isNull());
		JsonNode waiting = caseOf(caseId);
		assertThat(waiting.get("status").asString()).isEqualTo("ROUTED");
		assertThat(waiting.get("nextDeadlineAt").asString())
			.isEqualTo(waiting.get("agencies").get(1).get("dueAt").asString());

		send(CloudEventRecords.of("agency.responses", TYPE, caseId,
				response(caseId, "RESOLVED", "2026-11-28T04:00:00Z", "ubnd-phuong-phu-ly")));

		await().atMost(Duration.ofSeconds(30)).until(() -> caseOf(caseId).get("status").asString().equals("IN_REVIEW"));
		assertThat(caseOf(caseId).get("agencies").get(1).get("resolvedAt").asString()).isEqualTo("2026-11-28T04:00:00Z");
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

	private String routedHealthCase(String... agencyIds) {
		String caseId = submit(ReportEvents.aHealthRumour(freshReportId()));
		claim(caseId, ANALYST);
		as(ANALYST).post()
			.uri("/api/v1/cases/{id}/decision", caseId)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Decisions.fakeHealthRumourRoutedTo(agencyIds.length == 0 ? new String[] { "so-y-te" } : agencyIds))
			.exchange()
			.expectStatus()
			.isOk();
		return caseId;
	}

	/** The contract's example, answering this case. */
	private static String response(String caseId, String kind, String at) {
		return response(caseId, kind, at, "so-y-te");
	}

	private static String response(String caseId, String kind, String at, String agencyId) {
		ObjectNode response = (ObjectNode) json.readTree(Contracts.example(TYPE));
		response.put("caseId", caseId);
		response.put("agencyId", agencyId);
		response.put("response", kind);
		response.put("respondedAt", at);
		return response.toString();
	}

}
