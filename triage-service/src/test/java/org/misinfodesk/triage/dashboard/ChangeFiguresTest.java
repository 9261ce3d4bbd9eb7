package org.misinfodesk.triage.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.misinfodesk.triage.cases.AuditAction;
import org.misinfodesk.triage.cases.AuditEntry;
import org.misinfodesk.triage.cases.Case;
import org.misinfodesk.triage.cases.CaseReport;
import org.misinfodesk.triage.cases.CaseStatus;
import org.misinfodesk.triage.cases.Category;
import org.misinfodesk.triage.cases.Decision;
import org.misinfodesk.triage.cases.RoutedAgency;
import org.misinfodesk.triage.cases.Severity;
import org.misinfodesk.triage.cases.Verdict;
import org.misinfodesk.triage.dashboard.Tally.Dimensions;

import static org.assertj.core.api.Assertions.assertThat;

class ChangeFiguresTest {

	static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");

	/** 23:30 on 26 November in UTC is already 27 November in Hà Nội. */
	static final Instant SUBMITTED = Instant.parse("2026-11-26T23:30:00Z");

	static final Instant NOW = Instant.parse("2026-11-28T02:00:00Z");

	static final LocalDate DAY = LocalDate.parse("2026-11-27");

	@Test
	void openingACaseFromAReportCountsTheReportTheCaseAndItsStatusOnTheLocalDay() {
		ChangeFigures figures = ChangeFigures.between(null, opened(AuditAction.RECEIVED), HANOI, NOW);

		assertThat(figures.tallies()).containsExactlyInAnyOrder(new Tally(DAY, Dimensions.CASES, Tally.ALL, 1),
				new Tally(DAY, Dimensions.CASE_STATUS, "NEW", 1), new Tally(DAY, Dimensions.REPORTS, Tally.ALL, 1),
				new Tally(DAY, Dimensions.REPORT_CATEGORY, "HEALTH", 1),
				new Tally(DAY, Dimensions.REPORT_LOCALITY, "HNA-PHU-LY", 1));
		assertThat(figures.overdue()).isNull();
		assertThat(figures.unlisted()).isFalse();
	}

	@Test
	void caseOpenedBySplittingCountsNoNewReport() {
		ChangeFigures figures = ChangeFigures.between(null, opened(AuditAction.SPLIT_FROM), HANOI, NOW);

		assertThat(figures.tallies()).extracting(Tally::dimension)
			.containsExactlyInAnyOrder(Dimensions.CASES, Dimensions.CASE_STATUS);
	}

	@Test
	void reportJoiningACaseCountsThatReportOnlyAndMovesNoStatus() {
		Case before = opened(AuditAction.RECEIVED);
		CaseReport joined = report("r-2", null, "HNA-DUY-TIEN");
		Case after = with(before, before.status(), List.of(before.reports().get(0), joined), before.decision(),
				before.agencies(), false, AuditAction.JOINED);

		assertThat(ChangeFigures.between(before, after, HANOI, NOW).tallies()).containsExactlyInAnyOrder(
				new Tally(DAY, Dimensions.REPORTS, Tally.ALL, 1), new Tally(DAY, Dimensions.REPORT_CATEGORY, "NONE", 1),
				new Tally(DAY, Dimensions.REPORT_LOCALITY, "HNA-DUY-TIEN", 1));
	}

	@Test
	void claimMovesTheCaseFromNewToInReviewOnItsFirstReportsDay() {
		Case before = opened(AuditAction.RECEIVED);
		Case after = with(before, CaseStatus.IN_REVIEW, before.reports(), null, List.of(), false, AuditAction.CLAIMED);

		assertThat(ChangeFigures.between(before, after, HANOI, NOW).tallies()).containsExactlyInAnyOrder(
				new Tally(DAY, Dimensions.CASE_STATUS, "NEW", -1), new Tally(DAY, Dimensions.CASE_STATUS, "IN_REVIEW", 1));
	}

	@Test
	void routingCountsTheDecisionAndEachAgencyOnTheDayItWasMade() {
		Case before = with(opened(AuditAction.RECEIVED), CaseStatus.IN_REVIEW, opened(AuditAction.RECEIVED).reports(),
				null, List.of(), false, AuditAction.CLAIMED);
		Case after = with(before, CaseStatus.ROUTED, before.reports(), decision(), List.of(routed()), false,
				AuditAction.DECIDED);
		LocalDate decided = LocalDate.parse("2026-11-28");

		assertThat(ChangeFigures.between(before, after, HANOI, NOW).tallies()).contains(
				new Tally(DAY, Dimensions.CASE_STATUS, "IN_REVIEW", -1), new Tally(DAY, Dimensions.CASE_STATUS, "ROUTED", 1),
				new Tally(decided, Dimensions.DECISIONS, Tally.ALL, 1),
				new Tally(decided, Dimensions.DECISION_CATEGORY, "HEALTH", 1),
				new Tally(decided, Dimensions.DECISION_VERDICT, "FAKE", 1),
				new Tally(decided, Dimensions.AGENCY_ROUTED, "so-y-te", 1));
	}

	@Test
	void acknowledgementIsTimedFromTheRoutingAndCountedOnce() {
		Case routed = with(opened(AuditAction.RECEIVED), CaseStatus.ROUTED, opened(AuditAction.RECEIVED).reports(),
				decision(), List.of(routed()), false, AuditAction.ROUTED);
		Instant acknowledgedAt = NOW.plusSeconds(5400);
		Case acknowledged = with(routed, CaseStatus.ROUTED, routed.reports(), decision(),
				List.of(routed().acknowledged(acknowledgedAt)), false, AuditAction.AGENCY_RESPONDED);

		ChangeFigures figures = ChangeFigures.between(routed, acknowledged, HANOI, NOW);
		assertThat(figures.tallies()).containsExactly(
				new Tally(LocalDate.parse("2026-11-28"), Dimensions.AGENCY_ACKNOWLEDGED, "so-y-te", 1));
		assertThat(figures.responses()).containsExactly(new ResponseSample(LocalDate.parse("2026-11-28"), "so-y-te",
				ResponseSample.Kind.ACKNOWLEDGEMENT, 5400));

		Case again = with(acknowledged, CaseStatus.ROUTED, routed.reports(), decision(),
				List.of(routed().acknowledged(acknowledgedAt)), false, AuditAction.AGENCY_RESPONDED);
		assertThat(ChangeFigures.between(acknowledged, again, HANOI, NOW).isEmpty()).isTrue();
	}

	@Test
	void lateAgencyListsTheCaseAndItsAnswerTakesItOffTheList() {
		Case routed = with(opened(AuditAction.RECEIVED), CaseStatus.ROUTED, opened(AuditAction.RECEIVED).reports(),
				decision(), List.of(routed()), false, AuditAction.ROUTED);
		Instant markedAt = NOW.plusSeconds(90000);
		RoutedAgency late = routed().markedLate(markedAt, true, false);
		Case overdue = with(routed, CaseStatus.ROUTED, routed.reports(), decision(), List.of(late), true,
				AuditAction.OVERDUE);

		ChangeFigures marked = ChangeFigures.between(routed, overdue, HANOI, markedAt);
		assertThat(marked.tallies()).contains(new Tally(LocalDate.parse("2026-11-29"), Dimensions.AGENCY_LATE, "so-y-te", 1),
				new Tally(LocalDate.parse("2026-11-29"), Dimensions.OVERDUE, Tally.ALL, 1));
		assertThat(marked.overdue()).isNotNull();
		assertThat(marked.overdue().lateAgencies()).containsExactly("so-y-te");
		assertThat(marked.overdue().dueAt()).isEqualTo(routed().dueAt());

		Case answered = with(overdue, CaseStatus.ROUTED, routed.reports(), decision(),
				List.of(late.acknowledged(markedAt.plusSeconds(60))), false, AuditAction.AGENCY_RESPONDED);
		ChangeFigures figures = ChangeFigures.between(overdue, answered, HANOI, markedAt.plusSeconds(60));
		assertThat(figures.overdue()).isNull();
		assertThat(figures.unlisted()).isTrue();
	}

	static Case opened(AuditAction first) {
		return Case.open(report("r-1", Category.HEALTH, "HNA-PHU-LY"), 60, "Uống nước lá ổi chữa sốt xuất huyết",
				SUBMITTED.plusSeconds(8 * 3600), AuditEntry.of(SUBMITTED, AuditEntry.SYSTEM, first, null), null,
				List.of());
	}

	static CaseReport report(String id, Category hint, String locality) {
		return new CaseReport(id, "HN-" + id, "Uống nước lá ổi chữa sốt xuất huyết", null, "FACEBOOK", hint, locality,
				null, SUBMITTED, List.of(), null);
	}

	static Decision decision() {
		return new Decision(Verdict.FAKE, Category.HEALTH, Severity.HIGH, "HNA-PHU-LY", List.of("so-y-te"), null, null,
				"analyst", NOW);
	}

	static RoutedAgency routed() {
		return RoutedAgency.routed("so-y-te", "Sở Y tế tỉnh Hà Nam", 1, NOW.plusSeconds(86400),
				NOW.plusSeconds(7 * 86400), NOW);
	}

	/** The case after one more write, with one more audit entry. */
	static Case with(Case c, CaseStatus status, List<CaseReport> reports, Decision decision, List<RoutedAgency> agencies,
			boolean overdue, AuditAction action) {
		List<AuditEntry> audit = new ArrayList<>(c.audit());
		audit.add(AuditEntry.of(NOW, "analyst", action, null));
		return new Case(c.id(), status, c.priority(), c.summary(), reports, reports.size(), c.firstReportedAt(),
				c.lastReportedAt(), c.dueAt(), null, decision, agencies.isEmpty() ? 0 : 1, agencies, audit, List.of(),
				c.version() + 1, c.category(), c.localityCode(), List.of(), List.of(), overdue, null, null);
	}

}
