package org.misinfodesk.triage.routing;

import java.util.List;

import org.misinfodesk.triage.cases.Category;
import org.misinfodesk.triage.cases.Severity;
import org.misinfodesk.triage.cases.Verdict;

/**
 * A decision request that passed validation: known values, lengths within limits, known agencies.
 *
 * @param localityCode {@code null} when the analyst named none
 * @param agencyIds the agencies the analyst chose, without duplicates; empty to let the rules decide
 */
record DecisionDraft(Verdict verdict, Category category, Severity severity, String localityCode,
		List<String> agencyIds, String publicNote, String note) {
}
