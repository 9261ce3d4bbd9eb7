package org.misinfodesk.triage.routing;

import java.time.Instant;
import java.util.List;

import org.misinfodesk.triage.cases.Category;
import org.misinfodesk.triage.cases.Severity;
import org.misinfodesk.triage.cases.Verdict;

/**
 * {@code org.misinfodesk.case.routed.v1}: a decided case goes to agencies. One per routing; a
 * re-routing is a new event with a higher {@code routing}.
 *
 * @param dueAt by when the agencies should acknowledge
 */
record CaseRouted(String caseId, int routing, Verdict verdict, Category category, Severity severity,
		String localityCode, String summary, int reportCount, List<String> sourceUrls, List<Agency> agencies,
		String publicNote, Instant dueAt, Instant routedAt) {

	record Agency(String id, String name) {
	}

}
