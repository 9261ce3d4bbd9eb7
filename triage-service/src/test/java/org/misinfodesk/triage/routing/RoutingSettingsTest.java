package org.misinfodesk.triage.routing;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.misinfodesk.triage.cases.Category;
import org.misinfodesk.triage.cases.Severity;
import org.misinfodesk.triage.routing.RoutingSettings.Agency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RoutingSettingsTest {

	@Test
	void ruleNamingAnUnknownAgencyStopsTheService() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RoutingSettings(List.of(new Agency("so-y-te", "Sở Y tế")),
					Map.of(Category.SCAM, List.of("cong-an")), null))
			.withMessageContaining("cong-an");
	}

	@Test
	void agencyConfiguredTwiceStopsTheService() {
		assertThatIllegalArgumentException().isThrownBy(() -> new RoutingSettings(
				List.of(new Agency("so-y-te", "Sở Y tế"), new Agency("so-y-te", "Sở Y tế (2)")), null, null));
	}

	@Test
	void eachAgencyKnowsTheCategoriesRoutedToItByDefault() {
		Map<Agency, List<Category>> categories = Routings.haNamProvince().categoriesByAgency();
		assertThat(categories.get(new Agency("so-y-te", "Sở Y tế tỉnh Hà Nam")))
			.containsExactly(Category.HEALTH, Category.DISASTER_EPIDEMIC);
		assertThat(categories.get(new Agency("ubnd-phuong-phu-ly", "Ủy ban nhân dân phường Phủ Lý"))).isEmpty();
	}

	@Test
	void acknowledgementDeadlinesDefaultPerSeverityAndCanBeOverridden() {
		RoutingSettings settings = Routings.haNamProvince();
		assertThat(settings.acknowledgeWithin(Severity.CRITICAL)).isEqualTo(Duration.ofHours(2));
		assertThat(settings.acknowledgeWithin(Severity.HIGH)).isEqualTo(Duration.ofHours(24));
		assertThat(settings.acknowledgeWithin(Severity.LOW)).isEqualTo(Duration.ofDays(7));
	}

}
