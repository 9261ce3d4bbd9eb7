package org.misinfodesk.triage;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.misinfodesk.platform.test.CloudEventRecords;
import org.misinfodesk.platform.test.Contracts;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

class DecisionIT extends RunningTriageService {

	@Test
	void decisionNamingTheHealthDepartmentRoutesTheCaseAndTellsAgencyAndReporter() {
		String reportId = freshReportId();
		String caseId = submit(ReportEvents.aHealthRumour(reportId));
		claim(caseId, ANALYST);

		JsonNode decided = body(decide(caseId, ANALYST, Decisions.fakeHealthRumourRoutedTo("so-y-te")).expectStatus()
			.isOk());
		assertThat(decided.get("status").asString()).isEqualTo("ROUTED");
		assertThat(decided.get("routing").asInt()).isEqualTo(1);
		assertThat(decided.get("claim").isNull()).isTrue();
		assertThat(decided.get("decision").get("verdict").asString()).isEqualTo("FAKE");
		assertThat(decided.get("decision").get("by").asString()).isEqualTo(ANALYST);
		assertThat(decided.get("decision").get("localityCode").asString()).isEqualTo("HNA-PHU-LY");
		assertThat(decided.get("agencies").get(0).get("id").asString()).isEqualTo("so-y-te");
		assertThat(decided.get("audit").findValuesAsString("action")).containsExactly("RECEIVED", "CLAIMED", "DECIDED",
				"ROUTED");

		ConsumerRecord<String, String> routed = RecordedEvents
			.published(this.broker.getBrokersAsString(), "cases.routed", caseId, 1)
			.get(0);
		Contracts.assertValid("org.misinfodesk.case.routed.v1", routed.value());
		assertThat(RecordedEvents.header(routed, "ce_type")).isEqualTo("org.misinfodesk.case.routed.v1");
		assertThat(RecordedEvents.header(routed, "ce_source")).isEqualTo("/triage-service");
		assertThat(RecordedEvents.header(routed, "ce_specversion")).isEqualTo("1.0");
		assertThat(RecordedEvents.header(routed, "ce_id")).isNotBlank();
		assertThat(RecordedEvents.header(routed, "ce_time")).isNotBlank();
		assertThat(RecordedEvents.header(routed, "content-type")).isEqualTo("application/json");
		JsonNode event = json.readTree(routed.value());
		assertThat(event.get("agencies").get(0).get("id").asString()).isEqualTo("so-y-te");
		assertThat(event.get("agencies").get(0).get("name").asString()).isEqualTo("Sở Y tế tỉnh Hà Nam");
		assertThat(event.get("sourceUrls").get(0).asString())
			.isEqualTo("https://www.facebook.com/groups/123456/posts/" + reportId);
		assertThat(event.get("reportCount").asInt()).isEqualTo(1);
		assertThat(event.get("publicNote").asString()).isEqualTo(Decisions.PUBLIC_NOTE);
		assertThat(Duration.between(Instant.parse(event.get("routedAt").asString()),
				Instant.parse(event.get("dueAt").asString())))
			.isEqualTo(Duration.ofHours(24));

		List<ConsumerRecord<String, String>> changes = RecordedEvents.published(this.broker.getBrokersAsString(),
				"reports.status-changed", reportId, 2);
		changes.forEach((record) -> Contracts.assertValid("org.misinfodesk.report.status-changed.v1", record.value()));
		assertThat(changes).extracting((record) -> json.readTree(record.value()).get("status").asString())
			.containsExactly("IN_REVIEW", "FORWARDED");
		assertThat(json.readTree(changes.get(1).value()).get("publicNote").asString()).isEqualTo(Decisions.PUBLIC_NOTE);
	}

	@Test
	void theRoutingAndTheReporterStatusesContinueTheTraceTheReportCameWith() {
		String traceId = "0af7651916cd43dd8448eb211c80319c";
		String reportId = freshReportId();
		ProducerRecord<String, String> submitted = CloudEventRecords.of("reports.submitted", ReportEvents.TYPE,
				reportId, ReportEvents.aHealthRumour(reportId));
		submitted.headers()
			.add("traceparent", ("00-" + traceId + "-b7ad6b7169203331-01").getBytes(StandardCharsets.UTF_8));
		send(submitted);
		String caseId = "c-" + reportId;
		awaitCase(caseId);
		claim(caseId, ANALYST);

		decide(caseId, ANALYST, Decisions.fakeHealthRumourRoutedTo("so-y-te")).expectStatus().isOk();

		// the analyst's requests have traces of their own; what they cause for the report continues its trace
		assertThat(RecordedEvents.published(this.broker.getBrokersAsString(), "cases.routed", caseId, 1))
			.singleElement()
			.satisfies((routed) -> assertThat(RecordedEvents.header(routed, "traceparent")).contains(traceId));
		assertThat(RecordedEvents.published(this.broker.getBrokersAsString(), "reports.status-changed", reportId, 2))
			.allSatisfy((changed) -> assertThat(RecordedEvents.header(changed, "traceparent")).contains(traceId));
	}

	@Test
	void decisionWithoutAgenciesFollowsTheCategoryRule() {
		String caseId = submit(ReportEvents.aRumourHinted(freshReportId(), "SCAM", "Tin nhắn giả danh ngân hàng."));
		claim(caseId, ANALYST);

		JsonNode decided = body(decide(caseId, ANALYST, Decisions.decision("FAKE", "SCAM", "MEDIUM")).expectStatus()
			.isOk());
		assertThat(decided.get("status").asString()).isEqualTo("ROUTED");
		assertThat(decided.get("agencies").findValuesAsString("id")).containsExactly("cong-an-tinh");

		JsonNode event = json.readTree(
				RecordedEvents.published(this.broker.getBrokersAsString(), "cases.routed", caseId, 1).get(0).value());
		assertThat(event.get("agencies").findValuesAsString("id")).containsExactly("cong-an-tinh");
	}

	@Test
	void accurateInformationIsClosedWithoutRouting() {
		String reportId = freshReportId();
		String caseId = submit(ReportEvents.aHealthRumour(reportId));
		claim(caseId, ANALYST);
		Map<String, Object> accurate = Decisions.decision("ACCURATE", "HEALTH", "LOW");
		accurate.put("publicNote", "Thông tin này chính xác.");

		JsonNode decided = body(decide(caseId, ANALYST, accurate).expectStatus().isOk());
		assertThat(decided.get("status").asString()).isEqualTo("CLOSED");
		assertThat(decided.get("routing").asInt()).isZero();
		assertThat(decided.get("agencies")).isEmpty();

		List<ConsumerRecord<String, String>> changes = RecordedEvents.published(this.broker.getBrokersAsString(),
				"reports.status-changed", reportId, 2);
		Contracts.assertValid("org.misinfodesk.report.status-changed.v1", changes.get(1).value());
		assertThat(json.readTree(changes.get(1).value()).get("status").asString()).isEqualTo("CLOSED");

		assertThat(body(as(ANALYST).get().uri(WHOLE_QUEUE).exchange().expectStatus().isOk()).get("items")
			.findValuesAsString("id")).doesNotContain(caseId);
		assertThat(body(as(ANALYST).get().uri("/api/v1/cases?status=CLOSED&limit=500").exchange().expectStatus().isOk())
			.get("items")
			.findValuesAsString("id")).contains(caseId);
	}

	@Test
	void decisionWithoutHoldingTheClaimIsAConflict() {
		String caseId = submit(ReportEvents.aHealthRumour(freshReportId()));

		decide(caseId, ANALYST, Decisions.fakeHealthRumourRoutedTo("so-y-te")).expectStatus()
			.isEqualTo(409)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://misinfodesk.org/problems/claim-required");

		claim(caseId, ANALYST);
		decide(caseId, ANALYST_2, Decisions.fakeHealthRumourRoutedTo("so-y-te")).expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://misinfodesk.org/problems/case-claimed");
		assertThat(caseOf(caseId).get("status").asString()).isEqualTo("IN_REVIEW");
	}

	@Test
	void decidedCaseCannotBeClaimedOrDecidedAgain() {
		String caseId = submit(ReportEvents.aHealthRumour(freshReportId()));
		claim(caseId, ANALYST);
		decide(caseId, ANALYST, Decisions.fakeHealthRumourRoutedTo("so-y-te")).expectStatus().isOk();

		as(ANALYST_2).post()
			.uri("/api/v1/cases/{id}/claim", caseId)
			.exchange()
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://misinfodesk.org/problems/case-decided");
		decide(caseId, ANALYST, Decisions.fakeHealthRumourRoutedTo("so-y-te")).expectStatus().isEqualTo(409);
	}

	@Test
	void invalidDecisionListsEveryFieldError() {
		String caseId = submit(ReportEvents.aHealthRumour(freshReportId()));
		claim(caseId, ANALYST);
		Map<String, Object> invalid = Decisions.decision("MAYBE", null, "HIGH");
		invalid.remove("category");
		invalid.put("agencyIds", List.of("so-y-te", "bo-ngoai-giao"));
		invalid.put("publicNote", "x".repeat(2001));
		invalid.put("localityCode", "<script>");

		decide(caseId, ANALYST, invalid).expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://misinfodesk.org/problems/validation")
			.jsonPath("$.errors[*].field")
			.isEqualTo(List.of("verdict", "category", "localityCode", "agencyIds[1]", "publicNote"))
			.jsonPath("$.errors[?(@.field == 'agencyIds[1]')].message")
			.isEqualTo("Không có cơ quan mã “bo-ngoai-giao”.");
		assertThat(caseOf(caseId).get("status").asString()).isEqualTo("IN_REVIEW");
	}

	@Test
	void unreadableDecisionIsA400Problem() {
		as(ANALYST).post()
			.uri("/api/v1/cases/c-any/decision")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"verdict\": ")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	private WebTestClient.ResponseSpec decide(String caseId, String analyst, Map<String, Object> decision) {
		return as(analyst).post()
			.uri("/api/v1/cases/{id}/decision", caseId)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(decision)
			.exchange();
	}

}
