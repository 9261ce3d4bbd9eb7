package org.misinfodesk.triage.cases;

import java.util.Set;

/**
 * Which cases a listing shows.
 *
 * @param category only cases of this category (decided, else hinted), or {@code null}
 * @param localityCode only cases of this locality, or {@code null}
 * @param overdue only overdue cases when {@code true}, only cases on time when {@code false}, or
 * {@code null} for both
 */
public record QueueFilter(Set<CaseStatus> statuses, Category category, String localityCode, Boolean overdue) {

	public QueueFilter {
		statuses = Set.copyOf(statuses);
	}

	public static QueueFilter open() {
		return new QueueFilter(CaseStatus.OPEN, null, null, null);
	}

}
