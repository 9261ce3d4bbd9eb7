package org.misinfodesk.triage.dashboard;

import java.time.Instant;
import java.util.List;

import org.misinfodesk.triage.cases.CaseStatus;

/**
 * A case past a deadline, as the dashboard lists it.
 *
 * @param lateAgencies the agencies of the current routing past a deadline; empty when the case
 * itself is past its triage deadline
 * @param overdueSince when the first deadline of the current stage was found passed
 * @param version the case's version this line was made from: an older one never overwrites it
 */
public record OverdueCase(String caseId, String summary, CaseStatus status, int priority, String category,
		String localityCode, Instant dueAt, List<String> lateAgencies, Instant overdueSince, long version) {

	public OverdueCase {
		lateAgencies = (lateAgencies != null) ? List.copyOf(lateAgencies) : List.of();
	}

}
