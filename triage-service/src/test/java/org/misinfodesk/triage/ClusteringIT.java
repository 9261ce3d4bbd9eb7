package org.misinfodesk.triage;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.misinfodesk.platform.test.CloudEventRecords;
import org.misinfodesk.triage.clustering.TextFolding;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ClusteringIT extends RunningTriageService {

	static final String SCAM = "Tin nhắn mạo danh ngân hàng yêu cầu cập nhật thông tin tài khoản qua đường dẫn lạ để "
			+ "nhận quà tặng tri ân khách hàng";

	static String report(String reportId, String content, String sourceUrl, String hint) {
		ObjectNode report = ReportEvents.exampleReport(reportId);
		report.put("content", content);
		report.put("categoryHint", hint);
		if (sourceUrl != null) {
			report.put("sourceUrl", sourceUrl);
		}
		else {
			report.putNull("sourceUrl");
		}
		return report.toString();
	}

	/** Publishes a report expected to join {@code caseId}, and waits until it has. */
	void submitJoining(String caseId, String body, int expectedCount) {
		String reportId = ReportEvents.reportIdOf(body);
		send(CloudEventRecords.of("reports.submitted", ReportEvents.TYPE, reportId, body));
		await().atMost(Duration.ofSeconds(30)).until(() -> caseOf(caseId).get("reportCount").asInt() == expectedCount);
		as(ANALYST).get().uri("/api/v1/cases/c-{id}", reportId).exchange().expectStatus().isNotFound();
	}

	@Test
	void sameLinkWithDifferentTrackingParametersJoinsOneCase() {
		String first = freshReportId();
		String post = "https://www.facebook.com/groups/777/posts/" + first;
		String caseId = submit(report(first, SCAM + " " + ReportEvents.wordsOf(first), post + "?utm_source=zalo",
				"SCAM"));

		String second = freshReportId();
		submitJoining(caseId, report(second, "Cảnh báo: " + ReportEvents.wordsOf(second),
				"https://m.facebook.com/groups/777/posts/" + first + "/?fbclid=IwAR0abc", "SCAM"), 2);

		JsonNode details = caseOf(caseId);
		assertThat(details.get("reports").findValuesAsString("reportId")).containsExactly(first, second);
		assertThat(details.get("audit").findValuesAsString("action")).containsExactly("RECEIVED", "JOINED");
		assertThat(details.get("audit").get(1).get("details").asString()).contains("same source");
	}

	@Test
	void sameRumourTypedWithoutDiacriticsJoinsOneCase() {
		String first = freshReportId();
		String text = SCAM + " " + ReportEvents.wordsOf(first);
		String caseId = submit(report(first, text, null, "SCAM"));

		submitJoining(caseId, report(freshReportId(), TextFolding.fold(text).toUpperCase(), null, null), 2);
		assertThat(caseOf(caseId).get("priority").asInt()).isGreaterThan(0);
	}

	@Test
	void unrelatedRumoursStayInSeparateCasesAndSimilarOnesAreListed() {
		String scam = freshReportId();
		String scamCase = submit(report(scam, SCAM + " " + ReportEvents.wordsOf(scam), null, "SCAM"));
		String other = freshReportId();
		String otherCase = submit(report(other, "Giá xăng dầu sẽ tăng gấp đôi từ tuần sau theo quyết định mới "
				+ ReportEvents.wordsOf(other), null, "ECONOMY_FINANCE"));

		assertThat(caseOf(scamCase).get("reportCount").asInt()).isEqualTo(1);
		assertThat(caseOf(otherCase).get("reportCount").asInt()).isEqualTo(1);
		JsonNode similar = body(as(ANALYST).get().uri("/api/v1/cases/{id}/similar", otherCase).exchange()
			.expectStatus()
			.isOk());
		assertThat(similar.get("items").findValuesAsString("id")).doesNotContain(scamCase);
	}

	@Test
	void analystMergesTwoCasesAndSplitsAReportBackOut() {
		String a = freshReportId();
		String target = submit(report(a, SCAM + " " + ReportEvents.wordsOf(a), null, "SCAM"));
		String b = freshReportId();
		String source = submit(report(b, "Lời đồn về mất điện toàn tỉnh ngày mai " + ReportEvents.wordsOf(b), null,
				"OTHER"));

		JsonNode merged = body(as(ANALYST).post()
			.uri("/api/v1/cases/{id}/merge", target)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("caseId", source))
			.exchange()
			.expectStatus()
			.isOk());
		assertThat(merged.get("reports").findValuesAsString("reportId")).containsExactly(a, b);
		JsonNode emptied = caseOf(source);
		assertThat(emptied.get("status").asString()).isEqualTo("MERGED");
		assertThat(emptied.get("mergedInto").asString()).isEqualTo(target);
		assertThat(emptied.get("reportCount").asInt()).isZero();

		JsonNode split = body(as(ANALYST).post()
			.uri("/api/v1/cases/{id}/split", target)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("reportId", b))
			.exchange()
			.expectStatus()
			.isOk());
		assertThat(split.get("reports").findValuesAsString("reportId")).containsExactly(b);
		assertThat(split.get("status").asString()).isEqualTo("NEW");
		JsonNode remaining = caseOf(target);
		assertThat(remaining.get("reports").findValuesAsString("reportId")).containsExactly(a);
		assertThat(remaining.get("audit").findValuesAsString("action")).containsExactly("RECEIVED", "MERGED", "SPLIT");

		as(ANALYST).post()
			.uri("/api/v1/cases/{id}/split", target)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("reportId", a))
			.exchange()
			.expectStatus()
			.isEqualTo(409);
		as(SUPERVISOR).post()
			.uri("/api/v1/cases/{id}/merge", target)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("caseId", split.get("id").asString()))
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	@Test
	void queueFiltersByCategoryAndLocality() {
		String scam = freshReportId();
		String scamCase = submit(report(scam, SCAM + " " + ReportEvents.wordsOf(scam), null, "SCAM"));
		String health = submit(ReportEvents.aHealthRumour(freshReportId()));

		JsonNode scams = body(as(ANALYST).get().uri("/api/v1/cases?category=SCAM&locality=HNA-PHU-LY&limit=500").exchange()
			.expectStatus()
			.isOk());
		assertThat(scams.get("items").findValuesAsString("id")).contains(scamCase).doesNotContain(health);
		as(ANALYST).get().uri("/api/v1/cases?category=RUMOURS&overdue=maybe").exchange().expectStatus().isBadRequest();
	}

}
