package org.misinfodesk.triage.cases;

/** Kinds of entries in a case's audit trail. */
public enum AuditAction {

	RECEIVED, JOINED, CLAIMED, RELEASED, DECIDED, ROUTED, REROUTED, CLOSED, AGENCY_RESPONDED, RESOLVED, OVERDUE,
	MERGED, MERGED_INTO, SPLIT, SPLIT_FROM

}
