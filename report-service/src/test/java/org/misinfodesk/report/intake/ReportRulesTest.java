package org.misinfodesk.report.intake;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.misinfodesk.platform.problem.FieldProblem;
import org.misinfodesk.platform.problem.ProblemException;
import org.misinfodesk.report.privacy.Contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.misinfodesk.report.intake.ReportDrafts.aBareReport;
import static org.misinfodesk.report.intake.ReportDrafts.aConsentingReporter;
import static org.misinfodesk.report.intake.ReportDrafts.aHealthRumour;
import static org.misinfodesk.report.intake.ReportDrafts.aHealthRumourBy;
import static org.misinfodesk.report.intake.ReportDrafts.aReporterWithoutConsent;

class ReportRulesTest {

	static final Instant NOW = Instant.parse("2026-11-27T03:00:00Z");

	final ReportRules rules = new ReportRules(IntakeSettings.defaults(), Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void acceptsAFullyDescribedReportAndNormalisesIt() {
		Submission submission = this.rules.check(aHealthRumour(), null);

		assertThat(submission.platform()).isEqualTo(Platform.FACEBOOK);
		assertThat(submission.categoryHint()).isEqualTo(Category.HEALTH);
		assertThat(submission.seenAt()).isEqualTo(Instant.parse("2026-11-27T01:00:00Z"));
		assertThat(submission.sourceUrl()).isEqualTo("https://www.facebook.com/groups/123456/posts/987654");
		assertThat(submission.contact()).isNull();
	}

	@Test
	void acceptsAReportWithOnlyItsContent() {
		Submission submission = this.rules.check(aBareReport("  Tin đồn về lũ quét  "), null);

		assertThat(submission.content()).isEqualTo("Tin đồn về lũ quét");
		assertThat(submission.sourceUrl()).isNull();
		assertThat(submission.seenAt()).isNull();
	}

	@Test
	void requiresContentThatIsNotBlank() {
		assertThat(problems(aBareReport(null))).containsExactly(FieldProblem.of("content", "required"));
		assertThat(problems(aBareReport(" \n\t "))).containsExactly(FieldProblem.of("content", "required"));
	}

	@Test
	void countsContentLengthInCharactersNotBytes() {
		assertThat(this.rules.check(aBareReport("ạ".repeat(10000)), null).content()).hasSize(10000);
		assertThat(problems(aBareReport("a".repeat(10001))))
			.containsExactly(FieldProblem.of("content", "too-long", 10000));
	}

	@Test
	void composesVietnameseTypedAsDecomposedCharacters() {
		String decomposed = "Thu\u0309y";

		assertThat(this.rules.check(aBareReport(decomposed), null).content()).isEqualTo("Th\u1ee7y");
	}

	@Test
	void acceptsOnlyHttpAndHttpsLinksWithAHost() {
		assertThat(problems(withUrl("ftp://example.vn/file"))).containsExactly(FieldProblem.of("sourceUrl", "invalid-url"));
		assertThat(problems(withUrl("javascript:alert(1)"))).containsExactly(FieldProblem.of("sourceUrl", "invalid-url"));
		assertThat(problems(withUrl("https:///no-host"))).containsExactly(FieldProblem.of("sourceUrl", "invalid-url"));
		assertThat(problems(withUrl("not a link"))).containsExactly(FieldProblem.of("sourceUrl", "invalid-url"));
		assertThat(this.rules.check(withUrl("HTTP://Example.vn/a?b=c"), null).sourceUrl()).isEqualTo("HTTP://Example.vn/a?b=c");
	}

	@Test
	void keepsLinksInTheAsciiFormTheEventSchemaDemands() {
		assertThat(this.rules.check(withUrl("https://vi.wikipedia.org/wiki/Hà_Nam"), null).sourceUrl())
			.isEqualTo("https://vi.wikipedia.org/wiki/H%C3%A0_Nam");
	}

	@Test
	void refusesLinksLongerThanTheLimit() {
		String url = "https://example.vn/" + "a".repeat(2048);

		assertThat(problems(withUrl(url))).containsExactly(FieldProblem.of("sourceUrl", "too-long", 2048));
	}

	@Test
	void refusesPlatformsAndCategoriesOutsideTheLists() {
		ReportDraft draft = new ReportDraft("nội dung", null, "MYSPACE", "GOSSIP", null, null, null);

		assertThat(problems(draft)).containsExactly(
				FieldProblem.of("platform", "unknown-value", "FACEBOOK, YOUTUBE, TIKTOK, ZALO, WEBSITE, PRESS, OTHER"),
				FieldProblem.of("categoryHint", "unknown-value",
						"POLICY_LAW, ECONOMY_FINANCE, HEALTH, DISASTER_EPIDEMIC, SECURITY_ORDER, IMPERSONATION, SCAM, OTHER"));
	}

	@Test
	void readsPlatformAndCategoryInAnyCase() {
		ReportDraft draft = new ReportDraft("nội dung", null, "tiktok", "scam", null, null, null);

		Submission submission = this.rules.check(draft, null);

		assertThat(submission.platform()).isEqualTo(Platform.TIKTOK);
		assertThat(submission.categoryHint()).isEqualTo(Category.SCAM);
	}

	@Test
	void refusesLocalityCodesLongerThan64Characters() {
		ReportDraft draft = new ReportDraft("nội dung", null, null, null, "x".repeat(65), null, null);

		assertThat(problems(draft)).containsExactly(FieldProblem.of("localityCode", "too-long", 64));
	}

	@Test
	void refusesSeenAtThatIsNotADateTimeWithOffset() {
		assertThat(problems(seenAt("yesterday"))).containsExactly(FieldProblem.of("seenAt", "invalid-date-time"));
		assertThat(problems(seenAt("2026-11-27T08:00"))).containsExactly(FieldProblem.of("seenAt", "invalid-date-time"));
	}

	@Test
	void refusesSeenAtInTheFutureBeyondClockSkew() {
		assertThat(this.rules.check(seenAt("2026-11-27T03:04:00Z"), null).seenAt()).isEqualTo(Instant.parse("2026-11-27T03:04:00Z"));
		assertThat(problems(seenAt("2026-11-27T03:06:00Z"))).containsExactly(FieldProblem.of("seenAt", "in-future"));
	}

	@Test
	void refusesSeenAtLongBeforeAnyoneCouldHaveSeenItOnline() {
		assertThat(problems(seenAt("1999-12-31T23:59:59Z"))).containsExactly(FieldProblem.of("seenAt", "too-early"));
		assertThat(problems(seenAt("-999999999-01-01T00:00:00Z"))).containsExactly(FieldProblem.of("seenAt", "too-early"));
	}

	@Test
	void keepsContactDetailsOnlyWithConsent() {
		assertThat(this.rules.check(aHealthRumourBy(aConsentingReporter()), null).contact())
			.isEqualTo(new Contact("Nguyễn Thị Lan", "lan.nguyen@example.vn", "+84 912 345 678"));
		assertThat(this.rules.check(aHealthRumourBy(aReporterWithoutConsent()), null).contact()).isNull();
	}

	@Test
	void ignoresMalformedDetailsOfAReporterWhoDidNotConsentBecauseTheyAreDiscarded() {
		var reporter = new ReportDraft.Reporter("x".repeat(500), "not-an-email", "call me", null);

		assertThat(this.rules.check(aHealthRumourBy(reporter), null).contact()).isNull();
	}

	@Test
	void checksTheDetailsOfAConsentingReporter() {
		var reporter = new ReportDraft.Reporter("x".repeat(201), "lan@localhost", "12-34", true);

		assertThat(problems(aHealthRumourBy(reporter))).containsExactly(FieldProblem.of("reporter.name", "too-long", 200),
				FieldProblem.of("reporter.email", "invalid-email"), FieldProblem.of("reporter.phone", "invalid-phone"));
	}

	@Test
	void needsAWayToReachAReporterWhoAsksToBeContacted() {
		var reporter = new ReportDraft.Reporter("Lan", " ", null, true);

		assertThat(problems(aHealthRumourBy(reporter))).containsExactly(FieldProblem.of("reporter.email", "contact-needed"));
	}

	@Test
	void acceptsAPhoneAloneWrittenTheVietnameseWay() {
		var reporter = new ReportDraft.Reporter(null, null, "(024) 3825.1234", true);

		assertThat(this.rules.check(aHealthRumourBy(reporter), null).contact().phone()).isEqualTo("(024) 3825.1234");
	}

	@Test
	void refusesIdempotencyKeysThatAreEmptyTooLongOrNotVisibleAscii() {
		assertThat(keyProblems("")).containsExactly(FieldProblem.of("Idempotency-Key", "invalid"));
		assertThat(keyProblems("khóa")).containsExactly(FieldProblem.of("Idempotency-Key", "invalid"));
		assertThat(keyProblems("a b")).containsExactly(FieldProblem.of("Idempotency-Key", "invalid"));
		assertThat(keyProblems("k".repeat(256))).containsExactly(FieldProblem.of("Idempotency-Key", "too-long", 255));
		assertThat(this.rules.check(aHealthRumour(), "k".repeat(255)).idempotencyKey()).hasSize(255);
	}

	@Test
	void reportsEveryProblemAtOnce() {
		ReportDraft draft = new ReportDraft("", "ftp://x", "MYSPACE", "GOSSIP", "x".repeat(65), "soon",
				new ReportDraft.Reporter(null, "@", null, true));

		assertThat(problems(draft, "")).extracting(FieldProblem::field)
			.containsExactly("content", "sourceUrl", "platform", "categoryHint", "localityCode", "seenAt",
					"reporter.email", "Idempotency-Key");
	}

	private List<FieldProblem> problems(ReportDraft draft) {
		return problems(draft, null);
	}

	private List<FieldProblem> keyProblems(String key) {
		return problems(aHealthRumour(), key);
	}

	private List<FieldProblem> problems(ReportDraft draft, String key) {
		ProblemException problem = catchThrowableOfType(ProblemException.class, () -> this.rules.check(draft, key));
		assertThat(problem).as("a refusal").isNotNull();
		assertThat(problem.slug()).isEqualTo("validation");
		return problem.fieldProblems();
	}

	private static ReportDraft withUrl(String url) {
		return new ReportDraft("nội dung", url, null, null, null, null, null);
	}

	private static ReportDraft seenAt(String seenAt) {
		return new ReportDraft("nội dung", null, null, null, null, seenAt, null);
	}

}
