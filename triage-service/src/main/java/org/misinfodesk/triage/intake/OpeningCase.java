package org.misinfodesk.triage.intake;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.misinfodesk.triage.cases.AuditAction;
import org.misinfodesk.triage.cases.AuditEntry;
import org.misinfodesk.triage.cases.Case;
import org.misinfodesk.triage.cases.CaseReport;
import org.misinfodesk.triage.cases.CaseSettings;
import org.misinfodesk.triage.cases.Cases;
import org.misinfodesk.triage.cases.Category;
import org.misinfodesk.triage.cases.Priorities;
import org.misinfodesk.triage.cases.Severity;
import org.misinfodesk.triage.cases.Summaries;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * Files a submitted report as a new case in the queue (one case per report until clustering
 * arrives). Opening the same report twice leaves the one case there is.
 */
@Service
public class OpeningCase {

	private final Cases cases;

	private final CaseSettings settings;

	private final Clock clock;

	OpeningCase(Cases cases, CaseSettings settings, Clock clock) {
		this.cases = cases;
		this.settings = settings;
		this.clock = clock;
	}

	/** @return whether a case was opened (rather than found already there) */
	public Mono<Boolean> open(ReportSubmitted submitted, String eventId) {
		return Mono.defer(() -> this.cases.open(caseOf(submitted, eventId)));
	}

	Case caseOf(ReportSubmitted submitted, String eventId) {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		Category hint = Category.parse(submitted.categoryHint()).orElse(null);
		CaseReport report = new CaseReport(submitted.reportId(), submitted.trackingCode(), submitted.content(),
				submitted.sourceUrl(), submitted.platform(), hint, submitted.localityCode(), submitted.seenAt(),
				submitted.submittedAt());
		Severity assumed = this.settings.severityOf(hint);
		int priority = Priorities.of(assumed, 1, report.lastSeenAt(), now);
		Instant dueAt = report.submittedAt().plus(this.settings.triageWithin(assumed));
		AuditEntry received = new AuditEntry(now, AuditEntry.SYSTEM, AuditAction.RECEIVED,
				"report " + submitted.trackingCode(), eventId);
		return Case.open(report, priority, Summaries.of(submitted.content()), dueAt, received);
	}

}
