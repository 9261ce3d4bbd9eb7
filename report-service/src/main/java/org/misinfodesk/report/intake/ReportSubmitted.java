package org.misinfodesk.report.intake;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.misinfodesk.report.evidence.Evidence;

/**
 * The body of {@value #TYPE}: what triage needs of a new report, and nothing about who sent it.
 *
 * @param sourceUrl the normalised link: click ids could point back at the person who shared it
 * @param evidence only when files were attached
 */
record ReportSubmitted(String reportId, String trackingCode, String content, String sourceUrl, Platform platform,
		Category categoryHint, String localityCode, Instant seenAt, Instant submittedAt, String language,
		@JsonInclude(JsonInclude.Include.NON_EMPTY) List<Evidence> evidence) {

	static final String TYPE = "org.misinfodesk.report.submitted.v1";

	static final String TOPIC = "reports.submitted";

	static ReportSubmitted of(String reportId, String trackingCode, Submission submission, Instant submittedAt,
			String language, List<Evidence> evidence) {
		return new ReportSubmitted(reportId, trackingCode, submission.content(), submission.sourceUrl(),
				submission.platform(), submission.categoryHint(), submission.localityCode(), submission.seenAt(),
				submittedAt, language, evidence);
	}

}
