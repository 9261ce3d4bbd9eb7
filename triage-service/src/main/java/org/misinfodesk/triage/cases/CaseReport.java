package org.misinfodesk.triage.cases;

import java.time.Instant;

/**
 * One citizen's report inside a case, without any personal data of the reporter.
 *
 * @param seenAt when the reporter saw the information, if they said
 */
public record CaseReport(String reportId, String trackingCode, String content, String sourceUrl, String platform,
		Category categoryHint, String localityCode, Instant seenAt, Instant submittedAt) {

	/** When the information was last known to circulate: when it was seen, else when it was reported. */
	public Instant lastSeenAt() {
		return (this.seenAt != null && !this.seenAt.isAfter(this.submittedAt)) ? this.seenAt : this.submittedAt;
	}

}
