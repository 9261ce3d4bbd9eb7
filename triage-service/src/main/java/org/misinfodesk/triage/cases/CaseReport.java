package org.misinfodesk.triage.cases;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * One citizen's report inside a case, without any personal data of the reporter.
 *
 * @param seenAt when the reporter saw the information, if they said
 * @param evidence the files the reporter attached (kept by report-service)
 * @param traceparent the W3C trace the report's submission began, kept (not shown) so that the events
 * about the report, and the routing of a case it opened, continue it; {@code null} if none
 */
public record CaseReport(String reportId, String trackingCode, String content, String sourceUrl, String platform,
		Category categoryHint, String localityCode, Instant seenAt, Instant submittedAt, List<Evidence> evidence,
		@JsonIgnore String traceparent) {

	public CaseReport {
		evidence = (evidence != null) ? List.copyOf(evidence) : List.of();
	}

	/** When the information was last known to circulate: when it was seen, else when it was reported. */
	public Instant lastSeenAt() {
		return (this.seenAt != null && !this.seenAt.isAfter(this.submittedAt)) ? this.seenAt : this.submittedAt;
	}

	public boolean hasEvidence(String evidenceId) {
		return this.evidence.stream().anyMatch((file) -> file.id().equals(evidenceId));
	}

}
