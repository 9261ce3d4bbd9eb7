package org.misinfodesk.report.intake.web;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;
import org.misinfodesk.report.intake.Receipt;
import org.misinfodesk.report.tracking.Status;

/**
 * The answer to a new report.
 */
@Schema(name = "ReportReceived")
record ReportReceived(@Schema(example = "6a1f0c2e-4d7b-4b8e-9a3c-1f2d3e4a5b6c") String id,
		@Schema(description = "What the citizen uses to follow the report", example = "7KQ4-M9TX") String trackingCode,
		@Schema(example = "RECEIVED") Status status, Instant submittedAt) {

	static ReportReceived of(Receipt receipt) {
		return new ReportReceived(receipt.reportId(), receipt.trackingCode().value(), receipt.status(),
				receipt.submittedAt());
	}

}
