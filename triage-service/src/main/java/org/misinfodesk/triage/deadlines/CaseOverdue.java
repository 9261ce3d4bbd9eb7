package org.misinfodesk.triage.deadlines;

import java.time.Instant;

import org.misinfodesk.triage.cases.Severity;

/**
 * {@code org.misinfodesk.case.overdue.v1}: an agency passed a deadline of a routed case without
 * the response it waits for. One per case, routing, agency and deadline.
 *
 * @param overdueAt when the deadline was found passed
 */
record CaseOverdue(String caseId, int routing, String agencyId, Deadline deadline, Instant dueAt, Instant overdueAt,
		Severity severity, String summary) {

	enum Deadline {

		ACKNOWLEDGEMENT, RESOLUTION

	}

}
