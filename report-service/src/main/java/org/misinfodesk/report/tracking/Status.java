package org.misinfodesk.report.tracking;

/**
 * The status a citizen sees; triage moves it, report-service only shows it.
 */
public enum Status {

	RECEIVED, IN_REVIEW, FORWARDED, RESOLVED, CLOSED

}
