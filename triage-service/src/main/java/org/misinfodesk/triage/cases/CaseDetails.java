package org.misinfodesk.triage.cases;

import java.time.Instant;
import java.util.List;

/**
 * Everything about a case that staff may see: its reports, decision, agencies and audit trail
 * (the pending outbox is plumbing, not part of it).
 *
 * @param claim the unexpired claim, or {@code null}
 */
public record CaseDetails(String id, CaseStatus status, int priority, String summary, int reportCount,
		Category categoryHint, Instant firstReportedAt, Instant lastReportedAt, Instant dueAt, String claimedBy,
		Claim claim, Decision decision, int routing, List<Agency> agencies, List<CaseReport> reports,
		List<AuditEntry> audit) {

	public static CaseDetails of(Case c, Instant now) {
		String holder = c.claimHolderAt(now);
		return new CaseDetails(c.id(), c.status(), c.priority(), c.summary(), c.reportCount(), c.categoryHint(),
				c.firstReportedAt(), c.lastReportedAt(), c.dueAt(), holder, (holder != null) ? c.claim() : null,
				c.decision(), c.routing(), c.agencies().stream().map(Agency::of).toList(), c.reports(), c.audit());
	}

	/** An agency the case went to, as the API shows it. */
	public record Agency(String id, String name, int routing, Instant dueAt, Instant acknowledgedAt,
			Instant resolvedAt) {

		static Agency of(RoutedAgency routed) {
			return new Agency(routed.agencyId(), routed.name(), routed.routing(), routed.dueAt(),
					routed.acknowledgedAt(), routed.resolvedAt());
		}

	}

}
