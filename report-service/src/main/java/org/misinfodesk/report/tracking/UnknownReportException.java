package org.misinfodesk.report.tracking;

/**
 * A status change names a report that this service does not have.
 */
public class UnknownReportException extends RuntimeException {

	UnknownReportException(String reportId) {
		super("No report " + reportId);
	}

}
