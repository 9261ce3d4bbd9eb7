package org.misinfodesk.triage.cases;

import java.time.Instant;
import java.util.List;

/**
 * One citizen's report inside a case, without any personal data of the reporter.
 *
 * @param seenAt when the reporter saw the information, if they said
 * @param evidence the files the reporter attached (kept by report-service)
 */
public record CaseReport(String reportId, String trackingCode, String content, String sourceUrl, String platform,
		Category categoryHint, String localityCode, Instant seenAt, Instant submittedAt, List<Evidence> evidence) {

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
