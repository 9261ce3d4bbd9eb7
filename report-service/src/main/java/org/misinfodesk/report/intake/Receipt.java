package org.misinfodesk.report.intake;

import java.time.Instant;

import org.misinfodesk.report.tracking.Status;
import org.misinfodesk.report.tracking.TrackingCode;

/**
 * What the citizen gets back for a report.
 *
 * @param replayed whether this answers a retry of an earlier request rather than a new report
 */
public record Receipt(String reportId, TrackingCode trackingCode, Status status, Instant submittedAt,
		boolean replayed) {

	static Receipt of(Report report, boolean replayed) {
		return new Receipt(report.id(), new TrackingCode(report.trackingCode()), Status.RECEIVED, report.submittedAt(),
				replayed);
	}

}
