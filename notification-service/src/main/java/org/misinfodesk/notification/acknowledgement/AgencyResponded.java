package org.misinfodesk.notification.acknowledgement;

/**
 * {@code org.misinfodesk.agency.responded.v1}: an agency acknowledged a routed case or reported its
 * outcome.
 *
 * @param respondedAt ISO-8601 instant
 */
record AgencyResponded(String caseId, String agencyId, String deliveryId, String response, String note,
		String respondedAt) {

	static final String TYPE = "org.misinfodesk.agency.responded.v1";

	static final String TOPIC = "agency.responses";

	static final String ACKNOWLEDGED = "ACKNOWLEDGED";

	static final String RESOLVED = "RESOLVED";

}
