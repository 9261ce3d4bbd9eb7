package org.misinfodesk.triage.queue;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.misinfodesk.platform.problem.FieldProblem;
import org.misinfodesk.triage.cases.CaseStatus;
import org.misinfodesk.triage.cases.Category;
import org.misinfodesk.triage.cases.QueueFilter;

/** Reads a listing's filters from request parameters, collecting every problem. */
public final class QueueFilters {

	private static final Pattern LOCALITY = Pattern.compile("[A-Za-z0-9._-]{1,64}");

	private QueueFilters() {
	}

	public static QueueFilter of(List<String> status, String category, String locality, String overdue,
			List<FieldProblem> problems) {
		return new QueueFilter(statuses(status, problems), category(category, problems), locality(locality, problems),
				overdue(overdue, problems));
	}

	private static Set<CaseStatus> statuses(List<String> requested, List<FieldProblem> problems) {
		if (requested == null || requested.stream().allMatch((value) -> value == null || value.isBlank())) {
			return CaseStatus.OPEN;
		}
		Set<CaseStatus> statuses = EnumSet.noneOf(CaseStatus.class);
		for (String value : requested) {
			for (String name : value.split(",")) {
				String trimmed = name.strip();
				if (trimmed.isEmpty()) {
					continue;
				}
				Arrays.stream(CaseStatus.values())
					.filter((s) -> s.name().equalsIgnoreCase(trimmed))
					.findFirst()
					.ifPresentOrElse(statuses::add, () -> problems.add(FieldProblem.of("status", "unknown-value",
							Arrays.toString(CaseStatus.values()))));
			}
		}
		return statuses.isEmpty() ? CaseStatus.OPEN : statuses;
	}

	private static Category category(String value, List<FieldProblem> problems) {
		if (value == null || value.isBlank()) {
			return null;
		}
		return Arrays.stream(Category.values())
			.filter((c) -> c.name().equalsIgnoreCase(value.strip()))
			.findFirst()
			.orElseGet(() -> {
				problems.add(FieldProblem.of("category", "unknown-value", Arrays.toString(Category.values())));
				return null;
			});
	}

	private static String locality(String value, List<FieldProblem> problems) {
		if (value == null || value.isBlank()) {
			return null;
		}
		if (!LOCALITY.matcher(value.strip()).matches()) {
			problems.add(FieldProblem.of("locality", "invalid"));
			return null;
		}
		return value.strip();
	}

	private static Boolean overdue(String value, List<FieldProblem> problems) {
		if (value == null || value.isBlank()) {
			return null;
		}
		return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
			case "true" -> Boolean.TRUE;
			case "false" -> Boolean.FALSE;
			default -> {
				problems.add(FieldProblem.of("overdue", "unknown-value", "[true, false]"));
				yield null;
			}
		};
	}

}
