package org.misinfodesk.triage;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.misinfodesk.platform.test.CloudEventRecords;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

class CasesApiIT extends RunningTriageService {

	/** misinfodesk.queue.page-size by default. */
	private static final int PAGE = 50;

	@Test
	void submittedReportBecomesANewCaseInTheAnalystsQueue() {
		String reportId = freshReportId();
		String caseId = submit(ReportEvents.aHealthRumour(reportId));

		JsonNode item = itemOf(openQueue(), caseId);
		assertThat(item.get("status").asString()).isEqualTo("NEW");
		assertThat(item.get("reportCount").asInt()).isEqualTo(1);
		assertThat(item.get("summary").asString()).startsWith("Bài đăng trên Facebook nói rằng uống nước lá ổi");
		assertThat(item.get("priority").asInt()).isPositive();
		assertThat(item.get("firstReportedAt").asString()).isEqualTo("2026-11-27T01:05:12.345Z");
		// HEALTH is assumed HIGH: 8 hours to triage.
		assertThat(item.get("dueAt").asString()).isEqualTo("2026-11-27T09:05:12.345Z");
		assertThat(item.get("claimedBy").isNull()).isTrue();

		JsonNode details = caseOf(caseId);
		assertThat(details.get("reports").get(0).get("reportId").asString()).isEqualTo(reportId);
		assertThat(details.get("reports").get(0).get("sourceUrl").asString())
			.isEqualTo("https://www.facebook.com/groups/123456/posts/" + reportId);
		assertThat(details.get("audit").get(0).get("action").asString()).isEqualTo("RECEIVED");
		assertThat(details.has("outbox")).isFalse();
	}

	@Test
	void redeliveredReportLeavesOneCase() {
		String reportId = freshReportId();
		String report = ReportEvents.aHealthRumour(reportId);
		String eventId = "evt-" + reportId;
		send(CloudEventRecords.withId(eventId, "reports.submitted", ReportEvents.TYPE, reportId, report));
		send(CloudEventRecords.withId(eventId, "reports.submitted", ReportEvents.TYPE, reportId, report));
		// The same report again under a new event id (a producer that re-sent it) is also no second case.
		send(CloudEventRecords.of("reports.submitted", ReportEvents.TYPE, reportId, report));
		// One partition: once a later report has its case, the duplicates before it were handled.
		submit(ReportEvents.aHealthRumour(freshReportId()));

		JsonNode details = caseOf("c-" + reportId);
		assertThat(details.get("reportCount").asInt()).isEqualTo(1);
		assertThat(details.get("audit")).hasSize(1);
		assertThat(openQueue().get("items").findValuesAsString("id")).containsOnlyOnce("c-" + reportId);
	}

	@Test
	void reportWithoutContentGoesToTheDeadLetterTopicAndOpensNoCase() {
		String reportId = freshReportId();
		ObjectNode report = (ObjectNode) json.readTree(ReportEvents.aHealthRumour(reportId));
		report.remove("content");
		send(CloudEventRecords.of("reports.submitted", ReportEvents.TYPE, reportId, report.toString()));

		assertThat(RecordedEvents.published(this.broker.getBrokersAsString(), "reports.submitted.dlt", reportId, 1))
			.hasSize(1);
		as(ANALYST).get().uri("/api/v1/cases/c-{id}", reportId).exchange().expectStatus().isNotFound();
	}

	@Test
	void queueListsTheMostUrgentCaseFirst() {
		String minor = submit(ReportEvents.aRumourHinted(freshReportId(), "OTHER", "Tin đồn về lịch nghỉ lễ."));
		String urgent = submit(
				ReportEvents.aRumourHinted(freshReportId(), "SECURITY_ORDER", "Tin đồn về bạo loạn ở trung tâm."));

		List<String> ids = openQueue().get("items").findValuesAsString("id");
		assertThat(ids.indexOf(urgent)).isNotNegative().isLessThan(ids.indexOf(minor));
		List<Integer> priorities = new ArrayList<>();
		openQueue().get("items").forEach((item) -> priorities.add(item.get("priority").asInt()));
		assertThat(priorities).isSortedAccordingTo((a, b) -> Integer.compare(b, a));
	}

	@Test
	void unknownStatusFilterIsAFieldError() {
		as(ANALYST).get()
			.uri("/api/v1/cases?status=NEW,PENDING&lang=en")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://misinfodesk.org/problems/validation")
			.jsonPath("$.errors[0].field")
			.isEqualTo("status")
			.jsonPath("$.errors[0].code")
			.isEqualTo("unknown-value");
	}

	@Test
	void limitOutOfRangeIsAFieldError() {
		as(SUPERVISOR).get()
			.uri("/api/v1/cases?limit=0")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("limit");
	}

	@Test
	void unknownCaseIsNotFoundInTheReadersLanguage() {
		as(SUPERVISOR).get()
			.uri("/api/v1/cases/c-nothing-here")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("Không tìm thấy hồ sơ \"c-nothing-here\".");
	}

	@Test
	void supervisorsReadTheQueueToo() {
		String caseId = submit(ReportEvents.aHealthRumour(freshReportId()));
		assertThat(body(as(SUPERVISOR).get().uri(WHOLE_QUEUE).exchange().expectStatus().isOk()).get("items")
			.findValuesAsString("id")).contains(caseId);
	}

	@Test
	void agenciesComeFromConfigurationWithTheirDefaultCategories() {
		as(ANALYST).get()
			.uri("/api/v1/agencies")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[?(@.id == 'so-y-te')].name")
			.isEqualTo("Sở Y tế tỉnh Hà Nam")
			.jsonPath("$[?(@.id == 'so-y-te')].categories[*]")
			.isEqualTo(List.of("HEALTH", "DISASTER_EPIDEMIC"))
			.jsonPath("$[?(@.id == 'ubnd-phuong-phu-ly')].categories[*]")
			.isEmpty()
			.jsonPath("$.length()")
			.isEqualTo(5);
	}

	@Test
	void queueListsOnePageByDefaultAndUpToTheMostListedWhenAsked() {
		int open = openQueue().get("items").size();
		for (int more = open; more <= PAGE; more++) {
			submit(ReportEvents.aHealthRumour(freshReportId()));
		}

		List<String> page = body(as(ANALYST).get().uri("/api/v1/cases").exchange().expectStatus().isOk()).get("items")
			.findValuesAsString("id");
		List<String> whole = openQueue().get("items").findValuesAsString("id");
		assertThat(page).hasSize(PAGE).isEqualTo(whole.subList(0, PAGE));
		assertThat(whole).hasSizeGreaterThan(PAGE);
		as(ANALYST).get().uri("/api/v1/cases?limit=501").exchange().expectStatus().isBadRequest();
	}

	/** The open queue as long as a listing may be: whatever the other tests left open, this test's cases are in it. */
	private JsonNode openQueue() {
		return body(as(ANALYST).get().uri(WHOLE_QUEUE).exchange().expectStatus().isOk());
	}

	private static JsonNode itemOf(JsonNode list, String caseId) {
		for (JsonNode item : list.get("items")) {
			if (item.get("id").asString().equals(caseId)) {
				return item;
			}
		}
		throw new AssertionError(caseId + " is not in " + list);
	}

}
