package org.misinfodesk.notification.delivery;

/**
 * The body of a webhook reminding an agency of an overdue case, and what its reminder email says:
 * {@code {"type": "case.overdue", "timestamp", "data": {...}}}, the same envelope as {@link Alert}.
 *
 * @param timestamp when the case became overdue, ISO-8601
 */
record Reminder(String type, String timestamp, Data data) {

	static final String TYPE = "case.overdue";

	static Reminder of(CaseOverdue overdue, String acknowledgeUrl) {
		return new Reminder(TYPE, overdue.overdueAt().toString(),
				new Data(overdue.caseId(), overdue.routing(), overdue.agencyId(), overdue.deadline(),
						overdue.dueAt().toString(), overdue.overdueAt().toString(), overdue.severity(),
						overdue.summary(), acknowledgeUrl));
	}

	/**
	 * @param deadline {@code ACKNOWLEDGEMENT} or {@code RESOLUTION}: which answer is late
	 * @param acknowledgeUrl where the agency acknowledges or reports the outcome; {@code null} when
	 * this service never alerted the agency of that routing
	 */
	record Data(String caseId, int routing, String agencyId, String deadline, String dueAt, String overdueAt,
			String severity, String summary, String acknowledgeUrl) {
	}

}
