package org.misinfodesk.notification.delivery;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.misinfodesk.platform.events.MalformedEventException;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AlertTest {

	static final String ACK = "https://notify.example/acknowledgements/tok";

	@Test
	void readsTheContractExampleIgnoringFieldsItDoesNotUse() {
		CaseRouted routed = RoutedCases.aHealthRumour();

		assertThat(routed.caseId()).isEqualTo("c-6a1f0c2e-4d7b-4b8e-9a3c-1f2d3e4a5b6c");
		assertThat(routed.routing()).isEqualTo(1);
		assertThat(routed.agencies()).containsExactly(new CaseRouted.AgencyRef("so-y-te", "Sở Y tế tỉnh Hà Nam"));
	}

	@Test
	void mapsTheRoutedCaseToTheWebhookBodyOfTheApiContract() {
		JsonNode body = RoutedCases.json
			.readTree(RoutedCases.json.writeValueAsString(Alert.of(RoutedCases.aHealthRumour(), ACK)));

		assertThat(body.propertyNames()).containsExactlyInAnyOrder("type", "timestamp", "data");
		assertThat(body.get("type").asString()).isEqualTo("case.routed");
		assertThat(body.get("timestamp").asString()).isEqualTo("2026-11-27T02:10:00Z");
		JsonNode data = body.get("data");
		assertThat(data.propertyNames()).containsExactlyInAnyOrder("caseId", "verdict", "category", "severity",
				"localityCode", "summary", "reportCount", "sourceUrls", "dueAt", "acknowledgeUrl");
		assertThat(data.get("caseId").asString()).isEqualTo("c-6a1f0c2e-4d7b-4b8e-9a3c-1f2d3e4a5b6c");
		assertThat(data.get("verdict").asString()).isEqualTo("FAKE");
		assertThat(data.get("category").asString()).isEqualTo("HEALTH");
		assertThat(data.get("severity").asString()).isEqualTo("HIGH");
		assertThat(data.get("localityCode").asString()).isEqualTo("HNA-PHU-LY");
		assertThat(data.get("summary").asString()).startsWith("Bài đăng trên Facebook");
		assertThat(data.get("reportCount").asInt()).isEqualTo(1);
		assertThat(data.get("sourceUrls").get(0).asString())
			.isEqualTo("https://www.facebook.com/groups/123456/posts/987654");
		assertThat(data.get("dueAt").asString()).isEqualTo("2026-11-28T02:10:00Z");
		assertThat(data.get("acknowledgeUrl").asString()).isEqualTo(ACK);
	}

	@Test
	void anUnsetDeadlineIsNullInTheBody() {
		CaseRouted example = RoutedCases.aHealthRumour();
		CaseRouted undated = new CaseRouted(example.caseId(), 1, "FAKE", "HEALTH", "LOW", null, "s", 3, null,
				example.agencies(), null, example.routedAt());

		Alert alert = Alert.of(undated, ACK);

		assertThat(alert.data().dueAt()).isNull();
		assertThat(alert.data().sourceUrls()).isEmpty();
		assertThat(RoutedCases.json.readTree(RoutedCases.json.writeValueAsString(alert)).get("data").get("dueAt")
			.isNull()).isTrue();
	}

	@Test
	void aRoutedCaseWithoutAgenciesOrRoutingCannotBeRetriedIntoShape() {
		CaseRouted example = RoutedCases.aHealthRumour();

		assertThatExceptionOfType(MalformedEventException.class)
			.isThrownBy(() -> new CaseRouted(example.caseId(), 1, "FAKE", "HEALTH", "LOW", null, "s", 1, null,
					List.of(), null, example.routedAt()).validated());
		assertThatExceptionOfType(MalformedEventException.class)
			.isThrownBy(() -> new CaseRouted(example.caseId(), null, "FAKE", "HEALTH", "LOW", null, "s", 1, null,
					example.agencies(), null, example.routedAt()).validated());
	}

}
