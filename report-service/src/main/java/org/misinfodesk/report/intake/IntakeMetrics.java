package org.misinfodesk.report.intake;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.misinfodesk.platform.problem.FieldProblem;
import org.misinfodesk.platform.problem.ProblemException;

import org.springframework.stereotype.Component;

/**
 * Counts what the intake made of each submission: {@code misinfodesk_reports_received_total} with
 * {@code outcome} accepted, replayed (a retry answered with the earlier receipt) or refused, and
 * for refusals a {@code reason}: the problem's slug, or for a broken rule the first field and rule
 * ({@code text.too-short}), so that a form that confuses citizens shows up as one growing reason.
 */
@Component
public class IntakeMetrics {

	private static final String NAME = "misinfodesk.reports.received";

	private final MeterRegistry registry;

	IntakeMetrics(MeterRegistry registry) {
		this.registry = registry;
		counter("accepted", "none");
		counter("replayed", "none");
	}

	void received(Receipt receipt) {
		counter(receipt.replayed() ? "replayed" : "accepted", "none").increment();
	}

	void refused(ProblemException problem) {
		refused(reasonOf(problem));
	}

	/** A submission refused before the intake saw it, such as one over the client's rate. */
	public void refused(String reason) {
		counter("refused", reason).increment();
	}

	private static String reasonOf(ProblemException problem) {
		if (!problem.fieldProblems().isEmpty()) {
			FieldProblem first = problem.fieldProblems().get(0);
			return first.field() + "." + first.code();
		}
		return problem.slug();
	}

	private Counter counter(String outcome, String reason) {
		return Counter.builder(NAME)
			.description("Report submissions, by what the intake made of them")
			.tag("outcome", outcome)
			.tag("reason", reason)
			.register(this.registry);
	}

}
