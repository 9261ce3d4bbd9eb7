package org.misinfodesk.report.intake;

import java.time.Instant;

/**
 * The body of {@value #TYPE}: what triage needs of a new report, and nothing about who sent it.
 */
record ReportSubmitted(String reportId, String trackingCode, String content, String sourceUrl, Platform platform,
		Category categoryHint, String localityCode, Instant seenAt, Instant submittedAt, String language) {

	static final String TYPE = "org.misinfodesk.report.submitted.v1";

	static final String TOPIC = "reports.submitted";

	static ReportSubmitted of(String reportId, String trackingCode, Submission submission, Instant submittedAt,
			String language) {
		return new ReportSubmitted(reportId, trackingCode, submission.content(), submission.sourceUrl(),
				submission.platform(), submission.categoryHint(), submission.localityCode(), submission.seenAt(),
				submittedAt, language);
	}

}
