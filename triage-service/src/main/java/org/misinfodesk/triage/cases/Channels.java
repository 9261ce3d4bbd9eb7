package org.misinfodesk.triage.cases;

/** The event types and topics of {@code contracts/asyncapi.yaml} that this service reads or writes. */
public final class Channels {

	public static final String REPORT_SUBMITTED = "org.misinfodesk.report.submitted.v1";

	public static final String REPORTS_SUBMITTED_TOPIC = "reports.submitted";

	public static final String REPORT_STATUS_CHANGED = "org.misinfodesk.report.status-changed.v1";

	public static final String REPORTS_STATUS_CHANGED_TOPIC = "reports.status-changed";

	public static final String CASE_ROUTED = "org.misinfodesk.case.routed.v1";

	public static final String CASES_ROUTED_TOPIC = "cases.routed";

	public static final String AGENCY_RESPONDED = "org.misinfodesk.agency.responded.v1";

	public static final String AGENCY_RESPONSES_TOPIC = "agency.responses";

	public static final String CASE_OVERDUE = "org.misinfodesk.case.overdue.v1";

	public static final String CASES_OVERDUE_TOPIC = "cases.overdue";

	private Channels() {
	}

}
