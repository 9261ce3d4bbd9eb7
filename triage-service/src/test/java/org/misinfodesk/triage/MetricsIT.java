package org.misinfodesk.triage;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class MetricsIT extends RunningTriageService {

	@Test
	void prometheusShowsLiveCasesByStatusTheTimeToFileAReportTheOutboxAndTheConsumers() {
		submit(ReportEvents.aHealthRumour(freshReportId()));

		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(prometheus())
			.containsPattern("misinfodesk_cases_live\\{[^}]*status=\"NEW\"[^}]*} [1-9]")
			.containsPattern("(?m)^misinfodesk_cases_overdue(\\{[^}]*})? \\d")
			.containsPattern("misinfodesk_report_submitted_to_case_seconds_count(\\{[^}]*})? [1-9]")
			.contains("misinfodesk_report_submitted_to_case_seconds_bucket")
			.containsPattern("(?m)^misinfodesk_outbox_pending(\\{[^}]*})? \\d")
			.contains("kafka_consumer_fetch_manager_records_lag_max"));
	}

	private String prometheus() {
		return anonymous().get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

}
