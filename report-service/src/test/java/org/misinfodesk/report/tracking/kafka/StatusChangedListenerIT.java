package org.misinfodesk.report.tracking.kafka;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.misinfodesk.platform.test.CloudEventRecords;
import org.misinfodesk.platform.test.Contracts;
import org.misinfodesk.report.RunningService;
import org.misinfodesk.report.tracking.ApplyingStatusChange;
import org.misinfodesk.report.tracking.Status;
import org.misinfodesk.report.tracking.StatusChange;
import org.misinfodesk.report.tracking.UnknownReportException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.misinfodesk.report.ReportBodies.aHealthRumour;

class StatusChangedListenerIT extends RunningService {

	static final String TYPE = "org.misinfodesk.report.status-changed.v1";

	static final String TOPIC = "reports.status-changed";

	@Autowired
	JsonMapper json;

	@Autowired
	ApplyingStatusChange applying;

	@Test
	void forwardsTheReportWhenTriageSaysSo() throws Exception {
		Submitted submitted = submit(aHealthRumour());

		send(CloudEventRecords.of(TOPIC, TYPE, submitted.id(), theExampleFor(submitted.id())));

		await().atMost(PATIENCE).untilAsserted(() -> status(submitted.trackingCode()).jsonPath("$.status")
			.isEqualTo("FORWARDED"));
		status(submitted.trackingCode()).jsonPath("$.history.length()")
			.isEqualTo(2)
			.jsonPath("$.history[1].status")
			.isEqualTo("FORWARDED")
			.jsonPath("$.history[1].at")
			.isEqualTo("2026-11-27T02:10:00Z")
			.jsonPath("$.publicNote")
			.isEqualTo("Thông tin sai sự thật; đã chuyển Sở Y tế xác minh và xử lý.");
	}

	@Test
	void appliesTheSameEventDeliveredTwiceOnlyOnce() throws Exception {
		Submitted submitted = submit(aHealthRumour());
		String eventId = UUID.randomUUID().toString();
		String forwarded = theExampleFor(submitted.id());

		send(CloudEventRecords.withId(eventId, TOPIC, TYPE, submitted.id(), forwarded));
		send(CloudEventRecords.withId(eventId, TOPIC, TYPE, submitted.id(), forwarded));
		// same key, same partition: once this one is applied, both copies above have been handled
		send(CloudEventRecords.of(TOPIC, TYPE, submitted.id(), change(submitted.id(), "RESOLVED", null)));

		await().atMost(PATIENCE).untilAsserted(() -> status(submitted.trackingCode()).jsonPath("$.status")
			.isEqualTo("RESOLVED"));
		status(submitted.trackingCode()).jsonPath("$.history[*].status")
			.isEqualTo(List.of("RECEIVED", "FORWARDED", "RESOLVED"))
			.jsonPath("$.publicNote")
			.isEqualTo("Thông tin sai sự thật; đã chuyển Sở Y tế xác minh và xử lý.");
	}

	@Test
	void ignoresOtherEventTypesOnTheTopic() throws Exception {
		Submitted submitted = submit(aHealthRumour());

		send(CloudEventRecords.of(TOPIC, "org.misinfodesk.report.something-else.v1", submitted.id(),
				change(submitted.id(), "CLOSED", "không áp dụng")));
		send(CloudEventRecords.of(TOPIC, TYPE, submitted.id(), change(submitted.id(), "IN_REVIEW", null)));

		await().atMost(PATIENCE).untilAsserted(() -> status(submitted.trackingCode()).jsonPath("$.status")
			.isEqualTo("IN_REVIEW"));
		status(submitted.trackingCode()).jsonPath("$.history[*].status")
			.isEqualTo(List.of("RECEIVED", "IN_REVIEW"))
			.jsonPath("$.publicNote")
			.isEmpty();
	}

	@Test
	void keepsOneHistoryStepPerEventEvenWhenTheInboxIsBypassed() {
		Submitted submitted = submit(aHealthRumour());
		var change = new StatusChange(UUID.randomUUID().toString(), submitted.id(), Status.IN_REVIEW, null,
				Instant.parse("2026-11-27T02:00:00Z"));

		this.applying.apply(change).block();
		this.applying.apply(change).block();

		status(submitted.trackingCode()).jsonPath("$.history[*].status").isEqualTo(List.of("RECEIVED", "IN_REVIEW"));
	}

	@Test
	void refusesAChangeForAReportItDoesNotHaveSoThatTheEventIsParkedNotLost() {
		var change = new StatusChange(UUID.randomUUID().toString(), "no-such-report", Status.CLOSED, null,
				Instant.now());

		assertThatThrownBy(() -> this.applying.apply(change).block()).isInstanceOf(UnknownReportException.class)
			.hasMessageContaining("no-such-report");
	}

	/** The contract's example, about a report this test submitted. */
	private String theExampleFor(String reportId) {
		ObjectNode example = (ObjectNode) this.json.readTree(Contracts.example(TYPE));
		example.put("reportId", reportId);
		return this.json.writeValueAsString(example);
	}

	private String change(String reportId, String status, String publicNote) {
		ObjectNode example = (ObjectNode) this.json.readTree(Contracts.example(TYPE));
		example.put("reportId", reportId);
		example.put("status", status);
		example.put("changedAt", Instant.now().toString());
		if (publicNote == null) {
			example.remove("publicNote");
		}
		else {
			example.put("publicNote", publicNote);
		}
		return this.json.writeValueAsString(example);
	}

	private WebTestClient.BodyContentSpec status(String trackingCode) {
		return this.web.get().uri("/api/v1/reports/{code}", trackingCode).exchange().expectStatus().isOk().expectBody();
	}

}
