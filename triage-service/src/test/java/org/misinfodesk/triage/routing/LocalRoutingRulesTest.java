package org.misinfodesk.triage.routing;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.misinfodesk.triage.cases.Category;
import org.misinfodesk.triage.routing.RoutingSettings.Agency;
import org.misinfodesk.triage.routing.RoutingSettings.LocalRule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LocalRoutingRulesTest {

	final RoutingSettings routing = new RoutingSettings(Routings.haNamProvince().agencies(),
			Map.of(Category.HEALTH, List.of("so-y-te"), Category.SECURITY_ORDER, List.of("cong-an-tinh")),
			List.of(new LocalRule(Category.SECURITY_ORDER, "HNA-PHU-LY", List.of("cong-an-tinh", "ubnd-phuong-phu-ly")),
					new LocalRule(null, "HNA-PHU-LY", List.of("ubnd-phuong-phu-ly"))),
			null, null);

	@Test
	void ruleForCategoryAndLocalityComesFirst() {
		assertThat(this.routing.ruledFor(Category.SECURITY_ORDER, "HNA-PHU-LY")).extracting(Agency::id)
			.containsExactly("cong-an-tinh", "ubnd-phuong-phu-ly");
	}

	@Test
	void categoryRuleComesBeforeARuleForTheLocalityAlone() {
		assertThat(this.routing.ruledFor(Category.HEALTH, "HNA-PHU-LY")).extracting(Agency::id)
			.containsExactly("so-y-te");
		assertThat(this.routing.ruledFor(Category.SECURITY_ORDER, "HNA-DUY-TIEN")).extracting(Agency::id)
			.containsExactly("cong-an-tinh");
	}

	@Test
	void localityRuleTakesCategoriesWithoutARule() {
		assertThat(this.routing.ruledFor(Category.ECONOMY_FINANCE, "HNA-PHU-LY")).extracting(Agency::id)
			.containsExactly("ubnd-phuong-phu-ly");
		assertThat(this.routing.ruledFor(Category.ECONOMY_FINANCE, "HNA-DUY-TIEN")).isEmpty();
	}

	@Test
	void analystChoiceOverridesEveryRule() {
		RoutingRules rules = new RoutingRules(this.routing);
		DecisionDraft draft = new DecisionDraft(org.misinfodesk.triage.cases.Verdict.FAKE, Category.SECURITY_ORDER,
				org.misinfodesk.triage.cases.Severity.HIGH, "HNA-PHU-LY", List.of("so-y-te"), null, null);
		assertThat(rules.agenciesFor(draft)).extracting(Agency::id).containsExactly("so-y-te");
	}

	@Test
	void localRuleNamingAnUnknownAgencyStopsTheService() {
		assertThatIllegalArgumentException().isThrownBy(() -> new RoutingSettings(Routings.haNamProvince().agencies(),
				Map.of(), List.of(new LocalRule(null, "HNA-PHU-LY", List.of("so-khong-co"))), null, null));
	}

}
