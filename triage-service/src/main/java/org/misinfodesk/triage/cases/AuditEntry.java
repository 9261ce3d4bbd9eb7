package org.misinfodesk.triage.cases;

import java.time.Instant;

/**
 * One line of a case's append-only audit trail.
 *
 * @param by the staff user name, {@code system}, or {@code agency:<id>}
 * @param eventId the CloudEvents id of the event that caused the entry, if an event did; a case never
 * records the same event twice
 */
public record AuditEntry(Instant at, String by, AuditAction action, String details, String eventId) {

	public static final String SYSTEM = "system";

	public static AuditEntry of(Instant at, String by, AuditAction action, String details) {
		return new AuditEntry(at, by, action, details, null);
	}

}
