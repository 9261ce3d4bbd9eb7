package org.misinfodesk.report.intake;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.misinfodesk.report.intake.ReportDrafts.aBareReport;
import static org.misinfodesk.report.intake.ReportDrafts.aConsentingReporter;
import static org.misinfodesk.report.intake.ReportDrafts.aHealthRumour;
import static org.misinfodesk.report.intake.ReportDrafts.aHealthRumourBy;

class IdempotentRequestTest {

	final ReportRules rules = new ReportRules(IntakeSettings.defaults(),
			Clock.fixed(Instant.parse("2026-11-27T03:00:00Z"), ZoneOffset.UTC));

	@Test
	void repeatingTheSameReportReplaysTheFirstAnswer() {
		var first = new IdempotentRequest("key-1", "print-A");

		assertThat(first.against("print-A")).isEqualTo(IdempotentRequest.Outcome.REPLAY);
	}

	@Test
	void reusingTheKeyForAnotherReportIsAConflict() {
		var second = new IdempotentRequest("key-1", "print-B");

		assertThat(second.against("print-A")).isEqualTo(IdempotentRequest.Outcome.CONFLICT);
		assertThat(second.against(null)).isEqualTo(IdempotentRequest.Outcome.CONFLICT);
	}

	@Test
	void derivesTheSameReportIdFromTheSameKeyAndDifferentIdsFromDifferentKeys() {
		assertThat(new IdempotentRequest("key-1", "a").reportId()).isEqualTo(new IdempotentRequest("key-1", "b").reportId())
			.isNotEqualTo(new IdempotentRequest("key-2", "a").reportId())
			.matches("[0-9a-f]{8}-[0-9a-f]{4}-3[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
	}

	@Test
	void seesTheSameReportInRequestsThatDifferOnlyInSpacingOrCase() {
		ReportDraft rumour = aHealthRumour();
		ReportDraft respaced = new ReportDraft("  " + rumour.content() + "\n", rumour.sourceUrl(),
				rumour.platform().toLowerCase(), rumour.categoryHint(), rumour.localityCode(), rumour.seenAt(), null);

		assertThat(canonical(respaced)).isEqualTo(canonical(rumour));
	}

	@Test
	void seesADifferentReportWhenAnyValueDiffers() {
		assertThat(canonical(aBareReport("a"))).isNotEqualTo(canonical(aBareReport("b")));
		assertThat(canonical(aHealthRumourBy(aConsentingReporter()))).isNotEqualTo(canonical(aHealthRumour()));
		// length prefixes keep values from running into each other
		assertThat(canonical(new ReportDraft("a;b", null, null, null, null, null, null)))
			.isNotEqualTo(canonical(new ReportDraft("a", null, null, null, "b", null, null)));
	}

	private String canonical(ReportDraft draft) {
		return this.rules.check(draft, null).canonical();
	}

}
