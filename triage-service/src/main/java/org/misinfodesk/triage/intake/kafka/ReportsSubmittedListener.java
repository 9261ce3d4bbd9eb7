package org.misinfodesk.triage.intake.kafka;

import java.time.Clock;
import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.misinfodesk.platform.events.IncomingEvent;
import org.misinfodesk.platform.events.MalformedEventException;
import org.misinfodesk.platform.inbox.Inbox;
import org.misinfodesk.triage.cases.Channels;
import org.misinfodesk.triage.intake.FilingReport;
import org.misinfodesk.triage.intake.ReportSubmitted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@Component
class ReportsSubmittedListener {

	static final String HANDLER = "open-case";

	private static final Logger log = LoggerFactory.getLogger(ReportsSubmittedListener.class);

	private final FilingReport filing;

	private final Inbox inbox;

	private final JsonMapper json;

	private final Clock clock;

	private final Timer submittedToFiled;

	ReportsSubmittedListener(FilingReport filing, Inbox inbox, JsonMapper json, Clock clock, MeterRegistry metrics) {
		this.filing = filing;
		this.inbox = inbox;
		this.json = json;
		this.clock = clock;
		this.submittedToFiled = Timer.builder("misinfodesk.report.submitted.to.case")
			.description("From the citizen's submission to the report's filing in a case that analysts see")
			.publishPercentileHistogram()
			.maximumExpectedValue(Duration.ofMinutes(10))
			.register(metrics);
	}

	@KafkaListener(topics = Channels.REPORTS_SUBMITTED_TOPIC)
	void on(ConsumerRecord<String, String> record) {
		IncomingEvent event = IncomingEvent.from(record);
		if (!Channels.REPORT_SUBMITTED.equals(event.type())) {
			log.debug("Skipping {} {}", event.type(), event.id());
			return;
		}
		ReportSubmitted submitted = this.json.readValue(event.data(), ReportSubmitted.class);
		if (!submitted.complete()) {
			throw new MalformedEventException("Event %s lacks reportId, trackingCode, content or submittedAt"
				.formatted(event.id()));
		}
		this.inbox.once(HANDLER, event, this.filing.file(submitted, event.id()).doOnNext((filed) -> {
			if (filed) {
				this.submittedToFiled.record(Duration.between(submitted.submittedAt(), this.clock.instant()));
			}
		})).block(Duration.ofSeconds(30));
	}

}
