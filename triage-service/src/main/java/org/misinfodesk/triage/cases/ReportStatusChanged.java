package org.misinfodesk.triage.cases;

import java.time.Instant;
import java.util.List;

import org.misinfodesk.platform.outbox.Outbox;
import org.misinfodesk.platform.outbox.OutboxEvent;

/**
 * {@code org.misinfodesk.report.status-changed.v1}: what a citizen following one report of the case
 * now sees.
 */
public record ReportStatusChanged(String reportId, String caseId, Status status, String publicNote,
		Instant changedAt) {

	/** The citizen-facing statuses that triage sets. */
	public enum Status {

		IN_REVIEW, FORWARDED, RESOLVED, CLOSED

	}

	/**
	 * One event per report of the case, each keyed by its report so that a report's events stay in
	 * order, and each in the trace the report's submission began.
	 */
	public static List<OutboxEvent> forEachReport(Outbox outbox, Case c, Status status, String publicNote,
			Instant now) {
		return c.reports()
			.stream()
			.map((report) -> outbox.event(Channels.REPORT_STATUS_CHANGED, Channels.REPORTS_STATUS_CHANGED_TOPIC,
					report.reportId(), new ReportStatusChanged(report.reportId(), c.id(), status, publicNote, now),
					report.traceparent()))
			.toList();
	}

}
