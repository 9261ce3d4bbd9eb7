package org.misinfodesk.triage.routing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.misinfodesk.platform.problem.FieldProblem;
import org.misinfodesk.platform.problem.ProblemException;
import org.misinfodesk.triage.cases.Category;
import org.misinfodesk.triage.cases.Severity;
import org.misinfodesk.triage.cases.Verdict;

/**
 * Checks a decision request field by field and reports every problem at once.
 */
final class DecisionValidation {

	static final int LOCALITY_MAX = 64;

	/** The status-changed contract allows this much public note. */
	static final int PUBLIC_NOTE_MAX = 2000;

	static final int NOTE_MAX = 4000;

	static final int AGENCIES_MAX = 10;

	private static final Pattern LOCALITY = Pattern.compile("[A-Za-z0-9._-]+");

	private final RoutingSettings routing;

	DecisionValidation(RoutingSettings routing) {
		this.routing = routing;
	}

	/** @throws ProblemException (400) listing every field that is wrong */
	DecisionDraft validate(DecisionRequest request) {
		List<FieldProblem> problems = new ArrayList<>();
		Verdict verdict = required("verdict", request.verdict(), Verdict.class, problems);
		Category category = required("category", request.category(), Category.class, problems);
		Severity severity = required("severity", request.severity(), Severity.class, problems);
		String locality = optionalText(request.localityCode());
		if (locality != null) {
			if (locality.length() > LOCALITY_MAX) {
				problems.add(FieldProblem.of("localityCode", "too-long", LOCALITY_MAX));
			}
			else if (!LOCALITY.matcher(locality).matches()) {
				problems.add(FieldProblem.of("localityCode", "invalid"));
			}
		}
		List<String> agencyIds = agencyIds(request.agencyIds(), problems);
		String publicNote = limited("publicNote", request.publicNote(), PUBLIC_NOTE_MAX, problems);
		String note = limited("note", request.note(), NOTE_MAX, problems);
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		return new DecisionDraft(verdict, category, severity, locality, agencyIds, publicNote, note);
	}

	private List<String> agencyIds(List<String> requested, List<FieldProblem> problems) {
		if (requested == null) {
			return List.of();
		}
		if (requested.size() > AGENCIES_MAX) {
			problems.add(FieldProblem.of("agencyIds", "too-many", AGENCIES_MAX));
			return List.of();
		}
		Set<String> ids = new LinkedHashSet<>();
		for (int i = 0; i < requested.size(); i++) {
			String id = optionalText(requested.get(i));
			String field = "agencyIds[" + i + "]";
			if (id == null) {
				problems.add(FieldProblem.of(field, "required"));
			}
			else if (this.routing.agency(id).isEmpty()) {
				problems.add(FieldProblem.of(field, "unknown-agency", id));
			}
			else {
				ids.add(id);
			}
		}
		return List.copyOf(ids);
	}

	private static <E extends Enum<E>> E required(String field, String value, Class<E> type,
			List<FieldProblem> problems) {
		String name = optionalText(value);
		if (name == null) {
			problems.add(FieldProblem.of(field, "required"));
			return null;
		}
		Optional<E> known = Arrays.stream(type.getEnumConstants()).filter((e) -> e.name().equals(name)).findFirst();
		if (known.isEmpty()) {
			problems.add(FieldProblem.of(field, "unknown-value", Arrays.toString(type.getEnumConstants())));
			return null;
		}
		return known.get();
	}

	private static String limited(String field, String value, int max, List<FieldProblem> problems) {
		String text = optionalText(value);
		if (text != null && text.length() > max) {
			problems.add(FieldProblem.of(field, "too-long", max));
		}
		return text;
	}

	private static String optionalText(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
