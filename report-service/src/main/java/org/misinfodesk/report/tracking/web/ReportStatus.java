package org.misinfodesk.report.tracking.web;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.misinfodesk.report.tracking.Status;
import org.misinfodesk.report.tracking.TrackedReport;

/**
 * What anyone holding the tracking code may read about a report: no personal data.
 */
@Schema(name = "ReportStatus")
record ReportStatus(@Schema(example = "7KQ4-M9TX") String trackingCode, Status status, List<Step> history,
		@Schema(description = "What the responsible agency or the analysts want the citizen to know",
				example = "Thông tin sai sự thật; đã chuyển Sở Y tế xác minh và xử lý.") String publicNote) {

	static ReportStatus of(TrackedReport report) {
		return new ReportStatus(report.trackingCode(), report.status(),
				report.history().stream().map((entry) -> new Step(entry.status(), entry.at())).toList(),
				report.publicNote());
	}

	@Schema(name = "StatusStep")
	record Step(Status status, Instant at) {
	}

}
