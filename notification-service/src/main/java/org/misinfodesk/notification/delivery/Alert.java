package org.misinfodesk.notification.delivery;

import java.util.List;

/**
 * The body of every webhook request, and what its email says, per {@code API.md}:
 * {@code {"type": "case.routed", "timestamp", "data": {...}}}.
 *
 * @param timestamp when the case was routed, ISO-8601
 */
record Alert(String type, String timestamp, Data data) {

	static final String TYPE = "case.routed";

	static Alert of(CaseRouted routed, String acknowledgeUrl) {
		return new Alert(TYPE, routed.routedAt().toString(),
				new Data(routed.caseId(), routed.verdict(), routed.category(), routed.severity(),
						routed.localityCode(), routed.summary(), routed.reportCount() == null ? 0 : routed.reportCount(),
						routed.sourceUrls(), routed.dueAt() == null ? null : routed.dueAt().toString(),
						acknowledgeUrl));
	}

	/**
	 * @param dueAt the agency's deadline, ISO-8601, or {@code null} when triage set none
	 * @param acknowledgeUrl where the agency confirms it received the case
	 */
	record Data(String caseId, String verdict, String category, String severity, String localityCode,
			String summary, int reportCount, List<String> sourceUrls, String dueAt, String acknowledgeUrl) {
	}

}
