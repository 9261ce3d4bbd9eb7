package org.misinfodesk.triage.cases;

/** Kinds of entries in a case's audit trail. */
public enum AuditAction {

	RECEIVED, CLAIMED, RELEASED, DECIDED, ROUTED, CLOSED, AGENCY_RESPONDED

}
