package org.misinfodesk.triage.cases;

import java.time.Instant;

/**
 * A case as one line of the queue; also what the live stream sends when a case changes.
 *
 * @param claimedBy who holds an unexpired claim, or {@code null}
 * @param category the decided category, else the reporters' hint
 * @param overdue whether a deadline passed without what it waits for
 */
public record CaseSummary(String id, CaseStatus status, int priority, int reportCount, String summary,
		Category categoryHint, Instant firstReportedAt, Instant lastReportedAt, Instant dueAt, String claimedBy,
		Instant claimExpiresAt, Category category, String localityCode, boolean overdue) {

	public static CaseSummary of(Case c, Instant now) {
		String holder = c.claimHolderAt(now);
		return new CaseSummary(c.id(), c.status(), c.priority(), c.reportCount(), c.summary(), c.categoryHint(),
				c.firstReportedAt(), c.lastReportedAt(), c.dueAt(), holder,
				(holder != null) ? c.claim().expiresAt() : null, c.category(), c.localityCode(), c.overdue());
	}

	public boolean overdueAt(Instant now) {
		return this.overdue || (this.status.isOpen() && this.dueAt != null && this.dueAt.isBefore(now));
	}

}
