package org.misinfodesk.triage;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

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

/**
 * The counters behind the dashboard. The store is shared with the other tests, so each test counts
 * on days and localities of its own: reports submitted on a random day of 2019, answers given on a
 * random day of 2031.
 */
class DashboardIT extends RunningTriageService {

	static final String RESPONDED = "org.misinfodesk.agency.responded.v1";

	@Autowired
	MarkingOverdueCases marking;

	@Test
	void countsEveryReportCaseStatusAndDecisionOnceHoweverOftenTheirEventsArrive() {
		Instant submittedAt = aDayOf(2019).atTime(3, 0).toInstant(ZoneOffset.UTC);
		String day = LocalDate.ofInstant(submittedAt, ZoneOffset.UTC).toString();
		String locality = "IT-" + UUID.randomUUID().toString().substring(0, 8);
		String first = freshReportId();
		String report = ReportEvents.aReportOn(first, submittedAt, "HEALTH", locality,
				"https://example.org/rumours/" + first);
		send(CloudEventRecords.withId("ev-" + first, "reports.submitted", ReportEvents.TYPE, first, report));
		send(CloudEventRecords.withId("ev-" + first, "reports.submitted", ReportEvents.TYPE, first, report));
		send(CloudEventRecords.of("reports.submitted", ReportEvents.TYPE, first, report));
		String sameSource = freshReportId();
		send(CloudEventRecords.of("reports.submitted", ReportEvents.TYPE, sameSource, ReportEvents.aReportOn(sameSource,
				submittedAt.plusSeconds(60), "HEALTH", locality, "https://example.org/rumours/" + first + "?utm_source=zalo")));
		String unrelated = freshReportId();
		send(CloudEventRecords.of("reports.submitted", ReportEvents.TYPE, unrelated, ReportEvents.aReportOn(unrelated,
				submittedAt.plusSeconds(120), "SCAM", locality, "https://example.org/other/" + unrelated)));
		String caseId = "c-" + first;
		awaitCase("c-" + unrelated);
		await().atMost(Duration.ofSeconds(30)).until(() -> caseOf(caseId).get("reportCount").asInt() == 2);

		JsonNode counted = dashboard(day, day);
		assertThat(counted.get("totals").get("reports").asLong()).isEqualTo(3);
		assertThat(counted.get("totals").get("cases").asLong()).isEqualTo(2);
		assertThat(counted.get("days")).singleElement().satisfies((line) -> {
			assertThat(line.get("day").asString()).isEqualTo(day);
			assertThat(line.get("reports").asLong()).isEqualTo(3);
		});
		assertThat(share(counted.get("localities"), locality).get("reports").asLong()).isEqualTo(3);
		assertThat(share(counted.get("categories"), "HEALTH").get("reports").asLong()).isEqualTo(2);
		assertThat(share(counted.get("categories"), "SCAM").get("reports").asLong()).isEqualTo(1);
		assertThat(counted.get("statuses").get("NEW").asLong()).isEqualTo(2);

		claim(caseId, ANALYST);
		claim(caseId, ANALYST);
		assertThat(dashboard(day, day).get("statuses").get("IN_REVIEW").asLong()).isEqualTo(1);

		decide(caseId, locality);
		JsonNode decided = dashboard(day, day);
		assertThat(decided.get("statuses").get("NEW").asLong()).isEqualTo(1);
		assertThat(decided.get("statuses").get("IN_REVIEW").asLong()).isZero();
		assertThat(decided.get("statuses").get("ROUTED").asLong()).isEqualTo(1);
		String decidedOn = LocalDate.ofInstant(Instant.parse(caseOf(caseId).get("decision").get("at").asString()),
				java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toString();
		assertThat(share(dashboard(decidedOn, decidedOn).get("localities"), locality).get("decisions").asLong())
			.isEqualTo(1);
	}

	@Test
	void agencyResponseTimesGiveTheMedianAndTheNinetiethPercentile() {
		LocalDate answeredOn = aDayOf(2031);
		Instant morning = answeredOn.atTime(1, 0).toInstant(ZoneOffset.UTC);
		List<Long> seconds = new java.util.ArrayList<>();
		for (int hours : new int[] { 3, 1, 2 }) {
			String caseId = routedCase("so-tai-chinh");
			Instant routedAt = Instant.parse(caseOf(caseId).get("decision").get("at").asString());
			Instant acknowledgedAt = morning.plus(Duration.ofHours(hours));
			String ack = response(caseId, "so-tai-chinh", "ACKNOWLEDGED", acknowledgedAt);
			send(CloudEventRecords.withId("ack-" + caseId, "agency.responses", RESPONDED, caseId, ack));
			send(CloudEventRecords.withId("ack-" + caseId, "agency.responses", RESPONDED, caseId, ack));
			send(CloudEventRecords.of("agency.responses", RESPONDED, caseId,
					response(caseId, "so-tai-chinh", "ACKNOWLEDGED", acknowledgedAt.plusSeconds(600))));
			await().atMost(Duration.ofSeconds(30))
				.until(() -> caseOf(caseId).get("audit").findValuesAsString("action").stream()
					.filter("AGENCY_RESPONDED"::equals).count() == 2);
			seconds.add(Duration.between(routedAt, acknowledgedAt).toSeconds());
		}
		seconds.sort(null);

		JsonNode agency = agency(dashboard(answeredOn.toString(), answeredOn.toString()), "so-tai-chinh");
		assertThat(agency.get("name").asString()).isEqualTo("Sở Tài chính tỉnh Hà Nam");
		assertThat(agency.get("acknowledged").asLong()).isEqualTo(3);
		assertThat(agency.get("acknowledgement").get("count").asInt()).isEqualTo(3);
		assertThat(agency.get("acknowledgement").get("medianSeconds").asLong()).isEqualTo(seconds.get(1));
		assertThat(agency.get("acknowledgement").get("p90Seconds").asLong()).isEqualTo(seconds.get(2));
		assertThat(agency.get("resolution").get("count").asInt()).isZero();
		assertThat(agency.get("resolution").get("medianSeconds").isNull()).isTrue();
	}

	@Test
	void lateAgencyPutsTheCaseOnTheOverdueListUntilItAnswers() {
		String caseId = routedCase("so-y-te");
		Instant routedAt = Instant.parse(caseOf(caseId).get("decision").get("at").asString());
		this.marking.markAt(routedAt.plus(Duration.ofHours(25))).block(Duration.ofSeconds(30));

		JsonNode line = overdueLine(dashboard(null, null), caseId);
		assertThat(line).as("overdue line of " + caseId).isNotNull();
		assertThat(line.get("lateAgencies").get(0).asString()).isEqualTo("so-y-te");
		assertThat(line.get("status").asString()).isEqualTo("ROUTED");

		send(CloudEventRecords.of("agency.responses", RESPONDED, caseId,
				response(caseId, "so-y-te", "ACKNOWLEDGED", routedAt.plus(Duration.ofHours(26)))));
		await().atMost(Duration.ofSeconds(30)).until(() -> overdueLine(dashboard(null, null), caseId) == null);
	}

	@Test
	void unreadableOrTooLongPeriodsAreProblems() {
		as(SUPERVISOR).get()
			.uri("/api/v1/dashboard?from=27/11/2026&lang=en")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("from");
		as(SUPERVISOR).get().uri("/api/v1/dashboard?from=2026-11-27&to=2026-11-01").exchange().expectStatus()
			.isBadRequest();
		as(SUPERVISOR).get().uri("/api/v1/dashboard?from=2020-01-01&to=2026-11-01").exchange().expectStatus()
			.isBadRequest();
	}

	JsonNode dashboard(String from, String to) {
		String query = (from != null) ? "?from=" + from + "&to=" + to : "";
		return body(as(SUPERVISOR).get().uri("/api/v1/dashboard" + query).exchange().expectStatus().isOk());
	}

	String routedCase(String agencyId) {
		String caseId = submit(ReportEvents.aHealthRumour(freshReportId()));
		claim(caseId, ANALYST);
		as(ANALYST).post()
			.uri("/api/v1/cases/{id}/decision", caseId)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Decisions.fakeHealthRumourRoutedTo(agencyId))
			.exchange()
			.expectStatus()
			.isOk();
		return caseId;
	}

	void decide(String caseId, String locality) {
		var decision = Decisions.fakeHealthRumourRoutedTo("so-y-te");
		decision.put("localityCode", locality);
		as(ANALYST).post()
			.uri("/api/v1/cases/{id}/decision", caseId)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(decision)
			.exchange()
			.expectStatus()
			.isOk();
	}

	static LocalDate aDayOf(int year) {
		return LocalDate.of(year, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(360));
	}

	static JsonNode share(JsonNode shares, String key) {
		for (JsonNode share : shares) {
			if (share.get("key").asString().equals(key)) {
				return share;
			}
		}
		throw new AssertionError("no line " + key + " in " + shares);
	}

	static JsonNode agency(JsonNode dashboard, String agencyId) {
		for (JsonNode agency : dashboard.get("agencies")) {
			if (agency.get("agencyId").asString().equals(agencyId)) {
				return agency;
			}
		}
		throw new AssertionError("no agency " + agencyId);
	}

	static JsonNode overdueLine(JsonNode dashboard, String caseId) {
		for (JsonNode line : dashboard.get("overdue")) {
			if (line.get("caseId").asString().equals(caseId)) {
				return line;
			}
		}
		return null;
	}

	static String response(String caseId, String agencyId, String kind, Instant at) {
		ObjectNode response = (ObjectNode) json.readTree(Contracts.example(RESPONDED));
		response.put("caseId", caseId);
		response.put("agencyId", agencyId);
		response.put("response", kind);
		response.put("respondedAt", at.toString());
		return response.toString();
	}

}
