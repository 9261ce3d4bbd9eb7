package org.misinfodesk.triage.routing;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.misinfodesk.platform.problem.FieldProblem;
import org.misinfodesk.platform.problem.ProblemException;
import org.misinfodesk.triage.cases.Category;
import org.misinfodesk.triage.cases.Severity;
import org.misinfodesk.triage.cases.Verdict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class DecisionValidationTest {

	final DecisionValidation validation = new DecisionValidation(Routings.haNamProvince());

	@Test
	void verdictCategoryAndSeverityAreEnough() {
		DecisionDraft draft = this.validation.validate(Routings.request("FAKE", "HEALTH", "HIGH", null));
		assertThat(draft).isEqualTo(new DecisionDraft(Verdict.FAKE, Category.HEALTH, Severity.HIGH, null, List.of(),
				null, null));
	}

	@Test
	void missingRequiredFieldsAreAllReportedAtOnce() {
		assertThat(problemsOf(new DecisionRequest(null, " ", "", null, null, null, null)))
			.containsExactly(FieldProblem.of("verdict", "required"), FieldProblem.of("category", "required"),
					FieldProblem.of("severity", "required"));
	}

	@Test
	void unknownValuesNameTheAllowedOnes() {
		List<FieldProblem> problems = problemsOf(Routings.request("fake", "HEALTH", "URGENT", null));
		assertThat(problems).extracting(FieldProblem::field).containsExactly("verdict", "severity");
		assertThat(problems).extracting(FieldProblem::code).containsOnly("unknown-value");
		assertThat(problems.get(1).args()).containsExactly(Arrays.toString(Severity.values()));
	}

	@Test
	void unknownAgencyIsReportedAtItsPosition() {
		assertThat(problemsOf(Routings.request("FAKE", "HEALTH", "HIGH", List.of("so-y-te", "bo-quoc-phong", " "))))
			.containsExactly(FieldProblem.of("agencyIds[1]", "unknown-agency", "bo-quoc-phong"),
					FieldProblem.of("agencyIds[2]", "required"));
	}

	@Test
	void tooManyAgenciesAreRefused() {
		List<String> eleven = java.util.Collections.nCopies(11, "so-y-te");
		assertThat(problemsOf(Routings.request("FAKE", "HEALTH", "HIGH", eleven)))
			.containsExactly(FieldProblem.of("agencyIds", "too-many", 10));
	}

	@Test
	void agencyNamedTwiceCountsOnce() {
		DecisionDraft draft = this.validation
			.validate(Routings.request("FAKE", "HEALTH", "HIGH", List.of("so-y-te", "cong-an-tinh", "so-y-te")));
		assertThat(draft.agencyIds()).containsExactly("so-y-te", "cong-an-tinh");
	}

	@Test
	void notesAndLocalityHaveLimits() {
		DecisionRequest request = new DecisionRequest("FAKE", "HEALTH", "HIGH", "HNA PHU LY", null, "x".repeat(2001),
				"y".repeat(4001));
		assertThat(problemsOf(request)).containsExactly(FieldProblem.of("localityCode", "invalid"),
				FieldProblem.of("publicNote", "too-long", 2000), FieldProblem.of("note", "too-long", 4000));
		assertThat(problemsOf(new DecisionRequest("FAKE", "HEALTH", "HIGH", "H".repeat(65), null, null, null)))
			.containsExactly(FieldProblem.of("localityCode", "too-long", 64));
	}

	@Test
	void textIsTrimmedAndBlankNotesAreAbsent() {
		DecisionDraft draft = this.validation.validate(new DecisionRequest("UNTRUE", "OTHER", "LOW", " HNA-PHU-LY ",
				null, "  ", " Đã kiểm tra. "));
		assertThat(draft.localityCode()).isEqualTo("HNA-PHU-LY");
		assertThat(draft.publicNote()).isNull();
		assertThat(draft.note()).isEqualTo("Đã kiểm tra.");
	}

	private List<FieldProblem> problemsOf(DecisionRequest request) {
		ProblemException problem = catchThrowableOfType(ProblemException.class,
				() -> this.validation.validate(request));
		assertThat(problem).as("validation problem").isNotNull();
		assertThat(problem.slug()).isEqualTo("validation");
		return problem.fieldProblems();
	}

}
