package org.misinfodesk.notification.delivery;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One missed deadline waiting for the supervisors' next digest. Kept only until that digest is
 * scheduled, so the collection holds one period's worth at most.
 *
 * @param id {@code <caseId>/<routing>/<agencyId>/<deadline>}, so the same overdue event recorded
 * twice is listed once
 * @param recordedAt when it was recorded, which decides the period whose digest lists it
 */
@Document(OverdueDigests.ENTRIES)
record OverdueEntry(@Id String id, String caseId, int routing, String agencyId, String agencyName, String deadline,
		Instant dueAt, Instant overdueAt, String severity, Instant recordedAt) {

	static OverdueEntry of(CaseOverdue overdue, String agencyName, Instant now) {
		return new OverdueEntry(
				overdue.caseId() + "/" + overdue.routing() + "/" + overdue.agencyId() + "/" + overdue.deadline(),
				overdue.caseId(), overdue.routing(), overdue.agencyId(), agencyName, overdue.deadline(),
				overdue.dueAt(), overdue.overdueAt(), overdue.severity(), now);
	}

}
