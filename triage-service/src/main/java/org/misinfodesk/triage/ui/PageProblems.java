package org.misinfodesk.triage.ui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.misinfodesk.platform.problem.FieldProblem;

import org.springframework.context.MessageSource;

/** Field problems of a page's query, as the page shows them: one message per field. */
final class PageProblems {

	private PageProblems() {
	}

	static Map<String, String> messages(List<FieldProblem> problems, MessageSource messages, Locale locale) {
		Map<String, String> byField = new LinkedHashMap<>();
		for (FieldProblem problem : problems) {
			String message = messages.getMessage("field." + problem.code(), problem.args().toArray(), problem.code(),
					locale);
			byField.merge(problem.field(), message, (a, b) -> a + " " + b);
		}
		return byField;
	}

}
