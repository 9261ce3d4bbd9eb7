package org.misinfodesk.report.intake;

/**
 * The national anti-fake-news centre's categories; the reporter's guess, which triage confirms.
 */
public enum Category {

	POLICY_LAW, ECONOMY_FINANCE, HEALTH, DISASTER_EPIDEMIC, SECURITY_ORDER, IMPERSONATION, SCAM, OTHER

}
