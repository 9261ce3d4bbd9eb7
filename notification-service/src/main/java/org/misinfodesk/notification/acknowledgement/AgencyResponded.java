package org.misinfodesk.notification.acknowledgement;

/**
 * {@code org.misinfodesk.agency.responded.v1}: an agency acknowledged a routed case, reported its
 * outcome, or declined it as not its competence.
 *
 * @param respondedAt ISO-8601 instant
 */
record AgencyResponded(String caseId, String agencyId, String deliveryId, String response, String note,
		String respondedAt) {

	static final String TYPE = "org.misinfodesk.agency.responded.v1";

	static final String TOPIC = "agency.responses";

	static final String ACKNOWLEDGED = "ACKNOWLEDGED";

	static final String RESOLVED = "RESOLVED";

	/** The case is not the agency's to handle: triage routes it again. */
	static final String DECLINED = "DECLINED";

	static String responseTo(Outcome outcome) {
		return outcome == Outcome.NOT_COMPETENT ? DECLINED : RESOLVED;
	}

}
