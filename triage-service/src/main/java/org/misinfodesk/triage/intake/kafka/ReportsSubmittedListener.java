package org.misinfodesk.triage.intake.kafka;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.misinfodesk.platform.events.CloudEventHeaders;
import org.misinfodesk.platform.events.IncomingEvent;
import org.misinfodesk.platform.events.MalformedEventException;
import org.misinfodesk.platform.events.TraceContext;
import org.misinfodesk.platform.inbox.Inbox;
import org.misinfodesk.triage.cases.Channels;
import org.misinfodesk.triage.intake.FilingReport.Filed;
import org.misinfodesk.triage.intake.FilingReportsInBatches;
import org.misinfodesk.triage.intake.FilingReportsInBatches.Submission;
import org.misinfodesk.triage.intake.ReportSubmitted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

@Component
class ReportsSubmittedListener {

	static final String HANDLER = "open-case";

	/** Long enough for a full poll whose cases all changed meanwhile, filed again one by one. */
	private static final Duration BATCH_TIMEOUT = Duration.ofMinutes(2);

	private static final Logger log = LoggerFactory.getLogger(ReportsSubmittedListener.class);

	private final FilingReportsInBatches filing;

	private final Inbox inbox;

	private final JsonMapper json;

	private final Clock clock;

	private final TraceContext trace;

	private final Timer submittedToFiled;

	ReportsSubmittedListener(FilingReportsInBatches filing, Inbox inbox, JsonMapper json, Clock clock,
			TraceContext trace, MeterRegistry metrics) {
		this.filing = filing;
		this.inbox = inbox;
		this.json = json;
		this.clock = clock;
		this.trace = trace;
		this.submittedToFiled = Timer.builder("misinfodesk.report.submitted.to.case")
			.description("From the citizen's submission to the report's filing in a case that analysts see")
			.publishPercentileHistogram()
			.maximumExpectedValue(Duration.ofMinutes(10))
			.register(metrics);
	}

	/**
	 * Files a poll's reports together. A record that can never be read goes to the dead-letter topic
	 * once the records before it are filed; the ones after it come again in the next poll.
	 */
	@KafkaListener(topics = Channels.REPORTS_SUBMITTED_TOPIC, batch = "true")
	void on(List<ConsumerRecord<String, String>> records) {
		List<Received> received = new ArrayList<>();
		for (int i = 0; i < records.size(); i++) {
			try {
				read(records.get(i)).ifPresent(received::add);
			}
			catch (MalformedEventException | JacksonException ex) {
				file(received);
				throw new BatchListenerFailedException(ex.getMessage(), ex, i);
			}
		}
		file(received);
	}

	private Optional<Received> read(ConsumerRecord<String, String> record) {
		IncomingEvent event = IncomingEvent.from(record);
		if (!Channels.REPORT_SUBMITTED.equals(event.type())) {
			log.debug("Skipping {} {}", event.type(), event.id());
			return Optional.empty();
		}
		ReportSubmitted submitted = this.json.readValue(event.data(), ReportSubmitted.class);
		if (!submitted.complete()) {
			throw new MalformedEventException("Event %s lacks reportId, trackingCode, content or submittedAt"
				.formatted(event.id()));
		}
		return Optional.of(new Received(event, submitted,
				CloudEventHeaders.get(record.headers(), CloudEventHeaders.TRACEPARENT)));
	}

	/** Files the reports whose events this handler has not processed yet, then remembers the events. */
	private void file(List<Received> received) {
		if (received.isEmpty()) {
			return;
		}
		List<IncomingEvent> events = received.stream().map(Received::event).toList();
		this.inbox.seen(HANDLER, events).flatMap((seen) -> {
			List<Received> fresh = received.stream().filter((one) -> !seen.contains(one.event().id())).toList();
			return this.filing
				.file(fresh.stream()
					.map((one) -> new Submission(one.report(), one.event().id(), one.traceparent()))
					.toList())
				.doOnNext(this::filed)
				.then(this.inbox.remember(HANDLER, fresh.stream().map(Received::event).toList()));
		}).block(BATCH_TIMEOUT);
	}

	/**
	 * Times each report filed now and says where it went, in a line of the trace its event came with
	 * (the batch as a whole is no one report's work, so it has no span of its own).
	 */
	private void filed(List<Filed> filed) {
		Instant now = this.clock.instant();
		for (Filed one : filed) {
			ReportSubmitted report = one.report();
			this.submittedToFiled.record(Duration.between(report.submittedAt(), now));
			this.trace.continuing(one.traceparent(), "file report", () -> log.info("Report {} ({}) {} case {}",
					report.reportId(), report.trackingCode(), one.opened() ? "opened" : "joined", one.caseId()));
		}
	}

	private record Received(IncomingEvent event, ReportSubmitted report, String traceparent) {
	}

}
