package org.misinfodesk.triage.cases;

import java.time.Instant;
import java.util.List;

/**
 * What an analyst decided about a case.
 *
 * @param agencyIds the agencies the case went to, chosen by the analyst or by the routing rules;
 * empty when the case was closed without routing
 * @param publicNote shown to the reporters with their status
 * @param note internal, for analysts and supervisors only
 */
public record Decision(Verdict verdict, Category category, Severity severity, String localityCode,
		List<String> agencyIds, String publicNote, String note, String by, Instant at) {
}
