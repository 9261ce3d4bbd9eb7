package org.misinfodesk.notification.delivery;

import java.time.Instant;

import org.misinfodesk.platform.events.MalformedEventException;

/**
 * {@code org.misinfodesk.case.overdue.v1}: an agency missed a deadline of a routed case.
 *
 * @param deadline {@code ACKNOWLEDGEMENT} or {@code RESOLUTION}
 */
public record CaseOverdue(String caseId, Integer routing, String agencyId, String deadline, Instant dueAt,
		Instant overdueAt, String severity, String summary) {

	public static final String TYPE = "org.misinfodesk.case.overdue.v1";

	static final String ACKNOWLEDGEMENT = "ACKNOWLEDGEMENT";

	static final String RESOLUTION = "RESOLUTION";

	/**
	 * @throws MalformedEventException when a field a reminder needs is missing, which no retry fixes
	 */
	public CaseOverdue validated() {
		if (this.caseId == null || this.caseId.isBlank() || this.routing == null || this.routing < 1
				|| this.agencyId == null || this.agencyId.isBlank() || this.dueAt == null || this.overdueAt == null
				|| !(ACKNOWLEDGEMENT.equals(this.deadline) || RESOLUTION.equals(this.deadline))) {
			throw new MalformedEventException("Overdue case without caseId, routing, agencyId, deadline, dueAt or "
					+ "overdueAt: " + this);
		}
		return this;
	}

}
