package org.misinfodesk.triage;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.misinfodesk.platform.test.CloudEventRecords;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

class CasesExportIT extends RunningTriageService {

	@Test
	void exportKeepsToTheFiltersAndThePeriodAndOpensInSpreadsheetsAsText() {
		String locality = "EX-" + UUID.randomUUID().toString().substring(0, 8);
		LocalDate day = DashboardIT.aDayOf(2018);
		Instant morning = day.atTime(2, 0).toInstant(ZoneOffset.UTC);
		String formula = reportOn(morning, "HEALTH", locality, "=HYPERLINK(\"http://evil.example\",\"Bấm vào đây\"), tin đồn");
		String scam = reportOn(morning.plusSeconds(60), "SCAM", locality, null);
		String nextDay = reportOn(morning.plus(Duration.ofDays(1)), "HEALTH", locality, null);
		submitted(formula, scam, nextDay);

		byte[] bytes = as(SUPERVISOR).get()
			.uri("/api/v1/cases/export?locality={l}&category=HEALTH&from={d}&to={d}", locality, day, day)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.parseMediaType("text/csv"))
			.expectHeader()
			.value(HttpHeaders.CONTENT_DISPOSITION, (disposition) -> assertThat(disposition).startsWith("attachment"))
			.expectBody()
			.returnResult()
			.getResponseBody();
		assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
		String csv = new String(bytes, StandardCharsets.UTF_8).substring(1);
		List<String> lines = csv.lines().toList();
		assertThat(lines).hasSize(2);
		assertThat(lines.get(0)).startsWith("id,status,priority,overdue,reportCount,summary,category,localityCode");
		assertThat(lines.get(1)).startsWith("c-" + formula + ",NEW,")
			.contains(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Bấm vào đây\"\"), tin đồn ")
			.contains(",HEALTH," + locality + ",");
		assertThat(csv).endsWith("\r\n");

		String everyCategory = new String(as(ANALYST).get()
			.uri("/api/v1/cases/export?locality={l}&status=NEW,CLOSED", locality)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBody(), StandardCharsets.UTF_8);
		assertThat(everyCategory.lines()).hasSize(4);
		assertThat(everyCategory).contains("c-" + scam + ",").contains("c-" + nextDay + ",");
	}

	@Test
	void unreadableFiltersAreProblemsNotFiles() {
		as(ANALYST).get()
			.uri("/api/v1/cases/export?locality=HNA PHU LY&from=yesterday&status=SOMEDAY")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.errors[*].field")
			.value((fields) -> assertThat(fields.toString()).contains("locality").contains("from").contains("status"));
	}

	private String reportOn(Instant at, String category, String locality, String content) {
		String reportId = freshReportId();
		ObjectNode report = (ObjectNode) json.readTree(ReportEvents.aReportOn(reportId, at, category, locality,
				"https://example.org/export/" + reportId));
		if (content != null) {
			report.put("content", content + " " + ReportEvents.wordsOf(reportId));
		}
		send(CloudEventRecords.of("reports.submitted", ReportEvents.TYPE, reportId, report.toString()));
		return reportId;
	}

	private void submitted(String... reportIds) {
		for (String reportId : reportIds) {
			awaitCase("c-" + reportId);
		}
	}

}
