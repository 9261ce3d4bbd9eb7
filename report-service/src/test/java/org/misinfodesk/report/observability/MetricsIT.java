package org.misinfodesk.report.observability;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.misinfodesk.report.ReportBodies;
import org.misinfodesk.report.RunningService;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class MetricsIT extends RunningService {

	@Test
	void prometheusShowsReportsByOutcomeAndReasonAndTheOutboxAndTheConsumers() {
		Submitted accepted = submit(ReportBodies.aHealthRumour());
		this.web.post()
			.uri("/api/v1/reports")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("content", ""))
			.exchange()
			.expectStatus()
			.isBadRequest();
		recordOn("reports.submitted", accepted.id());

		await().atMost(PATIENCE).untilAsserted(() -> assertThat(prometheus())
			.containsPattern("misinfodesk_reports_received_total\\{[^}]*outcome=\"accepted\"[^}]*} [1-9]")
			.containsPattern("misinfodesk_reports_received_total\\{[^}]*outcome=\"refused\",reason=\"[a-z]+\\.[a-z-]+\"[^}]*} [1-9]")
			.containsPattern("misinfodesk_outbox_published_total\\{[^}]*topic=\"reports.submitted\"[^}]*} [1-9]")
			.contains("misinfodesk_outbox_publish_delay_seconds_bucket")
			.containsPattern("(?m)^misinfodesk_outbox_pending(\\{[^}]*})? \\d")
			.containsPattern("(?m)^misinfodesk_outbox_oldest_pending_age_seconds(\\{[^}]*})? \\d")
			.contains("kafka_consumer_fetch_manager_records_lag_max"));
	}

	private String prometheus() {
		return this.web.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

}
