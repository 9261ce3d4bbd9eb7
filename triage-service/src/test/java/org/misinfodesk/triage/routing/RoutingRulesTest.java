package org.misinfodesk.triage.routing;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.misinfodesk.triage.cases.Category;
import org.misinfodesk.triage.cases.Severity;
import org.misinfodesk.triage.cases.Verdict;
import org.misinfodesk.triage.routing.RoutingSettings.Agency;

import static org.assertj.core.api.Assertions.assertThat;

class RoutingRulesTest {

	final RoutingRules rules = new RoutingRules(Routings.haNamProvince());

	static DecisionDraft draft(Verdict verdict, Category category, String... agencyIds) {
		return new DecisionDraft(verdict, category, Severity.HIGH, null, List.of(agencyIds), null, null);
	}

	@Test
	void routesHealthRumourToTheProvincialHealthDepartment() {
		assertThat(this.rules.agenciesFor(draft(Verdict.FAKE, Category.HEALTH))).extracting(Agency::id)
			.containsExactly("so-y-te");
	}

	@Test
	void agenciesChosenByTheAnalystOverrideTheRule() {
		assertThat(this.rules.agenciesFor(draft(Verdict.FAKE, Category.HEALTH, "ubnd-phuong-phu-ly", "cong-an-tinh")))
			.extracting(Agency::id)
			.containsExactly("ubnd-phuong-phu-ly", "cong-an-tinh");
	}

	@Test
	void accurateOrOutOfScopeInformationGoesNowhereByDefault() {
		assertThat(this.rules.agenciesFor(draft(Verdict.ACCURATE, Category.HEALTH))).isEmpty();
		assertThat(this.rules.agenciesFor(draft(Verdict.OUT_OF_SCOPE, Category.SCAM))).isEmpty();
	}

	@Test
	void analystMayStillRouteAccurateInformationExplicitly() {
		assertThat(this.rules.agenciesFor(draft(Verdict.ACCURATE, Category.HEALTH, "so-y-te"))).extracting(Agency::id)
			.containsExactly("so-y-te");
	}

	@Test
	void unverifiableInformationFollowsTheRuleSoAnAgencyCanVerifyIt() {
		assertThat(this.rules.agenciesFor(draft(Verdict.UNVERIFIABLE, Category.SCAM))).extracting(Agency::id)
			.containsExactly("cong-an-tinh");
	}

	@Test
	void categoryWithoutARuleGoesNowhere() {
		assertThat(this.rules.agenciesFor(draft(Verdict.FAKE, Category.ECONOMY_FINANCE))).isEmpty();
	}

}
