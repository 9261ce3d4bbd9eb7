package org.misinfodesk.triage;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;
import org.misinfodesk.platform.test.CloudEventRecords;
import org.misinfodesk.triage.cases.Cases;
import org.misinfodesk.triage.intake.FilingReport.Filed;
import org.misinfodesk.triage.intake.FilingReportsInBatches;
import org.misinfodesk.triage.intake.FilingReportsInBatches.Submission;
import org.misinfodesk.triage.intake.ReportSubmitted;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.atLeast;
import static org.mockito.Mockito.verify;

class BatchFilingIT extends RunningTriageService {

	private static final Duration WAIT = Duration.ofSeconds(30);

	@Autowired
	FilingReportsInBatches batches;

	@Autowired
	Cases cases;

	@Test
	void reportsOfOneBatchAboutTheSameLinkOpenOneCaseTogether() {
		String link = "https://example.org/batch/" + freshReportId();
		String first = freshReportId();
		String second = freshReportId();
		String third = freshReportId();
		String unrelated = freshReportId();

		List<Filed> filed = this.batches
			.file(List.of(aReportAbout(first, link), aReportAbout(second, link), aReportOfItsOwn(unrelated),
					aReportAbout(third, link)))
			.block(WAIT);

		assertThat(filed).extracting((one) -> one.report().reportId(), Filed::caseId, Filed::opened)
			.containsExactly(tuple(first, "c-" + first, true), tuple(second, "c-" + first, false),
					tuple(unrelated, "c-" + unrelated, true), tuple(third, "c-" + first, false));
		JsonNode together = caseOf("c-" + first);
		assertThat(together.get("reportCount").asInt()).isEqualTo(3);
		assertThat(together.get("reports").findValuesAsString("reportId")).containsExactly(first, second, third);
		assertThat(together.get("audit").findValuesAsString("action")).containsExactly("RECEIVED", "JOINED", "JOINED");
		assertThat(caseOf("c-" + unrelated).get("reportCount").asInt()).isEqualTo(1);
		assertThat(queueLine("c-" + first).get("reportCount").asInt()).isEqualTo(3);
		as(ANALYST).get().uri("/api/v1/cases/c-{id}", second).exchange().expectStatus().isNotFound();

		// a later report about the link finds the case by the keys the batch filed
		String later = freshReportId();
		this.batches.file(List.of(aReportAbout(later, link))).block(WAIT);
		assertThat(caseOf("c-" + first).get("reportCount").asInt()).isEqualTo(4);
	}

	@Test
	void aCopyOfAReportInItsCaseFilesTheCaseUnderNoKeyAgainButADifferentTextDoes() {
		String link = "https://example.org/batch/" + freshReportId();
		String first = freshReportId();
		String original = ReportEvents.aReportOn(first, Instant.now(), "HEALTH", "HNA", link);
		this.batches.file(List.of(submission(original))).block(WAIT);
		ObjectNode copy = (ObjectNode) json.readTree(original);
		String copied = freshReportId();
		copy.put("reportId", copied);
		copy.put("trackingCode", "HN-" + copied.substring(0, 4).toUpperCase() + "-TEST");
		String reworded = freshReportId();
		clearInvocations(this.keys);

		this.batches.file(List.of(submission(copy.toString()))).block(WAIT);
		this.batches.file(List.of(aReportAbout(reworded, link))).block(WAIT);

		assertThat(caseOf("c-" + first).get("reports").findValuesAsString("reportId")).containsExactly(first, copied,
				reworded);
		// the listener may file other tests' records meanwhile: only the calls about this case count
		ArgumentCaptor<Map<String, ? extends Collection<String>>> filed = ArgumentCaptor.captor();
		verify(this.keys, atLeast(2)).file(filed.capture());
		assertThat(filed.getAllValues().stream().filter((call) -> call.containsKey("c-" + first)))
			.satisfiesExactly((copyFiled) -> assertThat(copyFiled.get("c-" + first)).isEmpty(),
					(rewordedFiled) -> assertThat(rewordedFiled.get("c-" + first)).isNotEmpty()
						.noneMatch((key) -> key.startsWith("u:")));
	}

	@Test
	void aBatchFiledAgainFilesNothingTwice() {
		String link = "https://example.org/batch/" + freshReportId();
		List<Submission> batch = List.of(aReportAbout(freshReportId(), link), aReportAbout(freshReportId(), link),
				aReportOfItsOwn(freshReportId()));
		this.batches.file(batch).block(WAIT);

		assertThat(this.batches.file(batch).block(WAIT)).isEmpty();

		String caseId = "c-" + batch.get(0).report().reportId();
		assertThat(caseOf(caseId).get("reportCount").asInt()).isEqualTo(2);
		assertThat(caseOf(caseId).get("audit")).hasSize(2);
	}

	@Test
	void reportsOfABatchJoiningAStoredCaseAreAddedInOneWrite() {
		String link = "https://example.org/batch/" + freshReportId();
		String stored = submit(ReportEvents.aReportOn(freshReportId(), Instant.now(), "HEALTH", "HNA", link));
		long version = this.cases.findById(stored).block(WAIT).version();
		String second = freshReportId();
		String third = freshReportId();

		this.batches.file(List.of(aReportAbout(second, link), aReportAbout(third, link))).block(WAIT);

		JsonNode joined = caseOf(stored);
		assertThat(joined.get("reportCount").asInt()).isEqualTo(3);
		assertThat(joined.get("reports").findValuesAsString("reportId")).endsWith(second, third);
		assertThat(this.cases.findById(stored).block(WAIT).version()).isEqualTo(version + 1);
		assertThat(queueLine(stored).get("reportCount").asInt()).isEqualTo(3);
	}

	@Test
	void twoBatchesJoiningOneCaseAtOnceBothLandInIt() {
		String link = "https://example.org/batch/" + freshReportId();
		String stored = submit(ReportEvents.aReportOn(freshReportId(), Instant.now(), "HEALTH", "HNA", link));
		List<Submission> one = Stream.generate(() -> aReportAbout(freshReportId(), link)).limit(5).toList();
		List<Submission> other = Stream.generate(() -> aReportAbout(freshReportId(), link)).limit(5).toList();

		// whichever writes the case second finds it changed, and files its reports one by one
		Mono.zip(this.batches.file(one), this.batches.file(other)).block(WAIT);

		JsonNode joined = caseOf(stored);
		assertThat(joined.get("reportCount").asInt()).isEqualTo(11);
		assertThat(joined.get("reports").findValuesAsString("reportId"))
			.containsAll(Stream.concat(one.stream(), other.stream()).map((s) -> s.report().reportId()).toList());
	}

	@Test
	void aReportJoiningACaseInReviewTellsItsReporterInTheTraceItsEventCameWith() {
		String link = "https://example.org/batch/" + freshReportId();
		String inReview = submit(ReportEvents.aReportOn(freshReportId(), Instant.now(), "HEALTH", "HNA", link));
		claim(inReview, ANALYST);
		String joining = freshReportId();
		String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
		Submission traced = aReportAbout(joining, link);

		this.batches.file(List.of(new Submission(traced.report(), traced.eventId(), traceparent))).block(WAIT);

		assertThat(RecordedEvents.published(this.broker.getBrokersAsString(), "reports.status-changed", joining, 1))
			.singleElement()
			.satisfies((record) -> assertThat(new String(record.headers().lastHeader("traceparent").value(),
					StandardCharsets.UTF_8))
				.isEqualTo(traceparent));
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void whereEachReportOfAPollWentIsLoggedInTheTraceItsEventCameWith(CapturedOutput output) {
		String traceId = "5a1c0e8f3b2d4c6e8f0a1b2c3d4e5f60";
		String reportId = freshReportId();
		ProducerRecord<String, String> record = CloudEventRecords.of("reports.submitted", ReportEvents.TYPE, reportId,
				ReportEvents.aHealthRumour(reportId));
		record.headers().add("traceparent", ("00-" + traceId + "-00f067aa0ba902b7-01").getBytes(StandardCharsets.UTF_8));

		send(record);

		awaitCase("c-" + reportId);
		await().atMost(WAIT).untilAsserted(() -> assertThat(output.getOut().lines()
			.filter((line) -> line.contains("Report " + reportId + " ")))
			.singleElement(InstanceOfAssertFactories.STRING)
			.contains("opened case c-" + reportId)
			.contains(traceId));
	}

	@Test
	void anUnreadableRecordAmongGoodOnesIsParkedAndTheGoodOnesAreFiled() {
		String before = freshReportId();
		String unreadable = freshReportId();
		String after = freshReportId();
		ObjectNode withoutContent = (ObjectNode) json.readTree(ReportEvents.aHealthRumour(unreadable));
		withoutContent.remove("content");

		// sent without waiting in between, so that they are likely to come in one poll
		this.kafka.send(CloudEventRecords.of("reports.submitted", ReportEvents.TYPE, before,
				ReportEvents.aHealthRumour(before)));
		this.kafka.send(CloudEventRecords.of("reports.submitted", ReportEvents.TYPE, unreadable,
				withoutContent.toString()));
		this.kafka.send(CloudEventRecords.of("reports.submitted", ReportEvents.TYPE, after,
				ReportEvents.aHealthRumour(after)));
		this.kafka.flush();

		awaitCase("c-" + before);
		awaitCase("c-" + after);
		assertThat(RecordedEvents.published(this.broker.getBrokersAsString(), "reports.submitted.dlt", unreadable, 1))
			.hasSize(1);
		as(ANALYST).get().uri("/api/v1/cases/c-{id}", unreadable).exchange().expectStatus().isNotFound();
	}

	private JsonNode queueLine(String caseId) {
		JsonNode items = body(as(ANALYST).get().uri(WHOLE_QUEUE).exchange().expectStatus().isOk()).get("items");
		for (JsonNode item : items) {
			if (caseId.equals(item.get("id").asString())) {
				return item;
			}
		}
		throw new AssertionError(caseId + " is not in the queue");
	}

	private static Submission aReportAbout(String reportId, String link) {
		return submission(ReportEvents.aReportOn(reportId, Instant.now(), "HEALTH", "HNA", link));
	}

	private static Submission aReportOfItsOwn(String reportId) {
		return submission(ReportEvents.aHealthRumour(reportId));
	}

	private static Submission submission(String body) {
		return new Submission(json.readValue(body, ReportSubmitted.class), "evt-" + ReportEvents.reportIdOf(body),
				null);
	}

}
