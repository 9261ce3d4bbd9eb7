package org.misinfodesk.triage.cases;

import java.time.Instant;
import java.util.List;

/**
 * Everything about a case that staff may see: its reports, decision, agencies and audit trail
 * (the pending outbox and the clustering signatures are plumbing, not part of it).
 *
 * @param claim the unexpired claim, or {@code null}
 */
public record CaseDetails(String id, CaseStatus status, int priority, String summary, int reportCount,
		Category categoryHint, Instant firstReportedAt, Instant lastReportedAt, Instant dueAt, String claimedBy,
		Claim claim, Decision decision, int routing, List<Agency> agencies, List<CaseReport> reports,
		List<AuditEntry> audit, Category category, String localityCode, boolean overdue, Instant nextDeadlineAt,
		String mergedInto) {

	public static CaseDetails of(Case c, Instant now) {
		String holder = c.claimHolderAt(now);
		return new CaseDetails(c.id(), c.status(), c.priority(), c.summary(), c.reportCount(), c.categoryHint(),
				c.firstReportedAt(), c.lastReportedAt(), c.dueAt(), holder, (holder != null) ? c.claim() : null,
				c.decision(), c.routing(), c.agencies().stream().map((agency) -> Agency.of(agency, now)).toList(),
				c.reports(), c.audit(), c.category(), c.localityCode(), c.overdue(), c.nextDeadlineAt(),
				c.mergedInto());
	}

	/**
	 * An agency the case went to, as the API shows it.
	 *
	 * @param dueAt by when it should acknowledge
	 * @param resolveDueAt by when it should report the outcome
	 * @param late whether a deadline passed without the response it waits for
	 * @param declinedAt when the agency answered that the case is not its competence
	 */
	public record Agency(String id, String name, int routing, Instant dueAt, Instant acknowledgedAt,
			Instant resolvedAt, Instant resolveDueAt, boolean late, Instant declinedAt) {

		static Agency of(RoutedAgency routed, Instant now) {
			return new Agency(routed.agencyId(), routed.name(), routed.routing(), routed.dueAt(),
					routed.acknowledgedAt(), routed.resolvedAt(), routed.resolveDueAt(), routed.lateOrMarkedAt(now),
					routed.declinedAt());
		}

	}

}
