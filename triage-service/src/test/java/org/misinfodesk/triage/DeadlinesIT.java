package org.misinfodesk.triage;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.misinfodesk.platform.test.CloudEventRecords;
import org.misinfodesk.platform.test.Contracts;
import org.misinfodesk.triage.deadlines.MarkingOverdueCases;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class DeadlinesIT extends RunningTriageService {

	static final String OVERDUE = "org.misinfodesk.case.overdue.v1";

	static final String RESPONDED = "org.misinfodesk.agency.responded.v1";

	@Autowired
	MarkingOverdueCases marking;

	@Test
	void agencyPastItsAcknowledgementDeadlineMakesTheCaseOverdueOnceAndAnnouncesIt() {
		String caseId = routedHealthCase();
		Instant routedAt = Instant.parse(caseOf(caseId).get("decision").get("at").asString());
		int priority = caseOf(caseId).get("priority").asInt();

		this.marking.markAt(routedAt.plus(Duration.ofHours(23))).block(Duration.ofSeconds(30));
		assertThat(caseOf(caseId).get("overdue").asBoolean()).isFalse();

		this.marking.markAt(routedAt.plus(Duration.ofHours(25))).block(Duration.ofSeconds(30));
		this.marking.markAt(routedAt.plus(Duration.ofHours(26))).block(Duration.ofSeconds(30));
		JsonNode late = caseOf(caseId);
		assertThat(late.get("overdue").asBoolean()).isTrue();
		assertThat(late.get("priority").asInt()).isGreaterThan(priority);
		assertThat(late.get("agencies").get(0).get("late").asBoolean()).isTrue();
		assertThat(late.get("audit").findValuesAsString("action")).containsOnlyOnce("OVERDUE");

		ConsumerRecord<String, String> record = RecordedEvents
			.published(this.broker.getBrokersAsString(), "cases.overdue", caseId, 1)
			.get(0);
		Contracts.assertValid(OVERDUE, record.value());
		assertThat(RecordedEvents.header(record, "ce_type")).isEqualTo(OVERDUE);
		JsonNode event = json.readTree(record.value());
		assertThat(event.get("deadline").asString()).isEqualTo("ACKNOWLEDGEMENT");
		assertThat(event.get("agencyId").asString()).isEqualTo("so-y-te");
		assertThat(event.get("routing").asInt()).isEqualTo(1);
		assertThat(event.get("severity").asString()).isEqualTo("HIGH");
	}

	@Test
	void acknowledgementStopsTheAcknowledgementClockButNotTheResolutionClock() {
		String caseId = routedHealthCase();
		Instant routedAt = Instant.parse(caseOf(caseId).get("decision").get("at").asString());
		send(CloudEventRecords.of("agency.responses", RESPONDED, caseId,
				response(caseId, "ACKNOWLEDGED", routedAt.plusSeconds(60))));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> !caseOf(caseId).get("agencies").get(0).get("acknowledgedAt").isNull());

		this.marking.markAt(routedAt.plus(Duration.ofDays(2))).block(Duration.ofSeconds(30));
		assertThat(caseOf(caseId).get("overdue").asBoolean()).isFalse();

		this.marking.markAt(routedAt.plus(Duration.ofDays(8))).block(Duration.ofSeconds(30));
		List<ConsumerRecord<String, String>> records = RecordedEvents.published(this.broker.getBrokersAsString(),
				"cases.overdue", caseId, 1);
		assertThat(records).singleElement()
			.satisfies((record) -> assertThat(json.readTree(record.value()).get("deadline").asString())
				.isEqualTo("RESOLUTION"));
		assertThat(caseOf(caseId).get("overdue").asBoolean()).isTrue();
	}

	@Test
	void undecidedCasePastItsTriageDeadlineIsMarkedOverdueAndClimbs() {
		String caseId = submit(ReportEvents.aHealthRumour(freshReportId()));
		JsonNode before = caseOf(caseId);

		this.marking.markAt(Instant.parse(before.get("dueAt").asString()).plusSeconds(1))
			.block(Duration.ofSeconds(30));

		JsonNode after = caseOf(caseId);
		assertThat(after.get("overdue").asBoolean()).isTrue();
		assertThat(after.get("priority").asInt()).isGreaterThan(before.get("priority").asInt());
		JsonNode overdue = body(
				as(ANALYST).get().uri("/api/v1/cases?overdue=true&limit=500").exchange().expectStatus().isOk());
		assertThat(overdue.get("items").findValuesAsString("id")).contains(caseId);
	}

	@Test
	void caseIsResolvedWhenEveryAgencyOfItsRoutingHasResolvedIt() {
		String reportId = freshReportId();
		String caseId = routedHealthCase(reportId);
		send(CloudEventRecords.of("agency.responses", RESPONDED, caseId,
				response(caseId, "RESOLVED", Instant.now())));

		await().atMost(Duration.ofSeconds(30)).until(() -> "RESOLVED".equals(caseOf(caseId).get("status").asString()));
		List<ConsumerRecord<String, String>> changes = RecordedEvents.published(this.broker.getBrokersAsString(),
				"reports.status-changed", reportId, 3);
		ConsumerRecord<String, String> resolved = changes.get(2);
		Contracts.assertValid("org.misinfodesk.report.status-changed.v1", resolved.value());
		JsonNode event = json.readTree(resolved.value());
		assertThat(event.get("status").asString()).isEqualTo("RESOLVED");
		assertThat(event.get("publicNote").asString()).isEqualTo(Decisions.PUBLIC_NOTE);
		assertThat(caseOf(caseId).get("nextDeadlineAt").isNull()).isTrue();
	}

	@Test
	void analystReroutesARoutedCaseToAnotherAgency() {
		String caseId = routedHealthCase();
		JsonNode rerouted = body(as(ANALYST).post()
			.uri("/api/v1/cases/{id}/reroute", caseId)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(java.util.Map.of("agencyIds", List.of("ubnd-phuong-phu-ly"), "note", "Thuộc thẩm quyền phường"))
			.exchange()
			.expectStatus()
			.isOk());
		assertThat(rerouted.get("routing").asInt()).isEqualTo(2);
		assertThat(rerouted.get("agencies").findValuesAsString("id")).containsExactly("so-y-te", "ubnd-phuong-phu-ly");
		assertThat(rerouted.get("audit").findValuesAsString("action")).endsWith("REROUTED");
		List<ConsumerRecord<String, String>> routed = RecordedEvents.published(this.broker.getBrokersAsString(),
				"cases.routed", caseId, 2);
		Contracts.assertValid("org.misinfodesk.case.routed.v1", routed.get(1).value());
		assertThat(json.readTree(routed.get(1).value()).get("routing").asInt()).isEqualTo(2);
	}

	private String routedHealthCase() {
		return routedHealthCase(freshReportId());
	}

	private String routedHealthCase(String reportId) {
		String caseId = submit(ReportEvents.aHealthRumour(reportId));
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

	private static String response(String caseId, String kind, Instant at) {
		ObjectNode response = (ObjectNode) json.readTree(Contracts.example(RESPONDED));
		response.put("caseId", caseId);
		response.put("agencyId", "so-y-te");
		response.put("response", kind);
		response.put("respondedAt", at.toString());
		return response.toString();
	}

}
