package org.misinfodesk.notification;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class EndpointsIT extends RunningService {

	@Test
	void duringARotationEachRequestCarriesASignatureByTheNewSecretAndOneByThePrevious() {
		String url = receiver.newUrl();
		JsonNode registered = registerWebhook("so-y-te", url);
		String oldSecret = registered.get("secret").asString();

		JsonNode rotated = admin("/api/v1/agencies/so-y-te/webhooks/{id}/secret/rotate", registered.get("id").asString());
		String newSecret = rotated.get("secret").asString();
		assertThat(newSecret).startsWith("whsec_").isNotEqualTo(oldSecret);
		assertThat(rotated.get("previousSecretUntil").asString()).isNotBlank();
		String caseId = RoutedCaseEvents.newCaseId();

		publishRouted(caseId, RoutedCaseEvents.routedTo(caseId, "so-y-te", "Sở Y tế tỉnh Hà Nam"));

		await().atMost(PATIENCE).until(() -> !receiver.received(url).isEmpty());
		WebhookReceiver.Request request = receiver.received(url).get(0);
		String[] signatures = request.header("webhook-signature").split(" ");
		assertThat(signatures).containsExactly(
				expectedSignature(newSecret, request.header("webhook-id"), request.header("webhook-timestamp"),
						request.body()),
				expectedSignature(oldSecret, request.header("webhook-id"), request.header("webhook-timestamp"),
						request.body()));
		getAsAdmin("/api/v1/agencies/so-y-te/webhooks/{id}", registered.get("id").asString()).jsonPath("$.secret")
			.doesNotExist();
	}

	@Test
	void aDisabledEndpointGetsNoAlertsUntilEnabledAndADeletedOneIsGone() {
		String url = receiver.newUrl();
		String id = registerWebhook("so-vhttdl", url).get("id").asString();

		JsonNode disabled = admin("/api/v1/agencies/so-vhttdl/webhooks/{id}/disable", id);
		assertThat(disabled.get("state").asString()).isEqualTo("DISABLED");
		assertThat(disabled.get("disabledReason").asString()).isEqualTo("BY_ADMIN");
		String whileDisabled = RoutedCaseEvents.newCaseId();
		publishRouted(whileDisabled, RoutedCaseEvents.routedTo(whileDisabled, "so-vhttdl", "Sở VHTTDL"));
		await().atMost(PATIENCE).until(() -> emailsAbout(whileDisabled).size() == 1);
		assertThat(deliveriesOf(whileDisabled).valueStream()
			.filter((delivery) -> delivery.get("channel").asString().equals("WEBHOOK"))
			.map((delivery) -> delivery.get("target").get("url").asString())).doesNotContain(url);

		assertThat(admin("/api/v1/agencies/so-vhttdl/webhooks/{id}/enable", id).get("state").asString())
			.isEqualTo("ENABLED");
		String whileEnabled = RoutedCaseEvents.newCaseId();
		publishRouted(whileEnabled, RoutedCaseEvents.routedTo(whileEnabled, "so-vhttdl", "Sở VHTTDL"));
		await().atMost(PATIENCE)
			.until(() -> receiver.received(url).stream().anyMatch((request) -> request.body().contains(whileEnabled)));
		assertThat(receiver.received(url)).noneMatch((request) -> request.body().contains(whileDisabled));

		this.web.delete()
			.uri("/api/v1/agencies/so-vhttdl/webhooks/{id}", id)
			.headers((headers) -> headers.setBasicAuth("admin", "admin"))
			.exchange()
			.expectStatus()
			.isNoContent();
		this.web.get()
			.uri("/api/v1/agencies/so-vhttdl/webhooks/{id}", id)
			.headers((headers) -> headers.setBasicAuth("admin", "admin"))
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://misinfodesk.org/problems/unknown-webhook");
	}

	@Test
	void onlyAnAdminManagesEndpoints() {
		String id = registerWebhook("so-y-te", receiver.newUrl()).get("id").asString();
		for (String action : List.of("disable", "enable", "secret/rotate")) {
			this.web.post()
				.uri("/api/v1/agencies/so-y-te/webhooks/{id}/" + action, id)
				.headers((headers) -> headers.setBasicAuth("supervisor", "supervisor"))
				.exchange()
				.expectStatus()
				.isForbidden();
		}
		this.web.delete()
			.uri("/api/v1/agencies/so-y-te/webhooks/{id}", id)
			.headers((headers) -> headers.setBasicAuth("supervisor", "supervisor"))
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	@Test
	void theRequestGoesToTheAddressTheHostWasCheckedAtAndKeepsTheHostName() {
		String url = "http://" + PINNED_HOST + ":" + receiver.port() + "/hooks/pinned-" + RoutedCaseEvents.newCaseId();
		registerWebhook("cong-an-tinh", url);
		String caseId = RoutedCaseEvents.newCaseId();

		publishRouted(caseId, RoutedCaseEvents.routedTo(caseId, "cong-an-tinh", "Công an tỉnh Hà Nam"));

		await().atMost(PATIENCE).until(() -> !receiver.received(url).isEmpty());
		assertThat(receiver.received(url).get(0).header("host")).isEqualTo(PINNED_HOST + ":" + receiver.port());
	}

	@Test
	void managingAnUnknownEndpointIsA404Problem() {
		this.web.post()
			.uri("/api/v1/agencies/so-y-te/webhooks/ep_nothing/disable")
			.headers((headers) -> headers.setBasicAuth("admin", "admin"))
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
	}

	private JsonNode admin(String uri, Object... variables) {
		return json.readTree(this.web.post()
			.uri(uri, variables)
			.headers((headers) -> headers.setBasicAuth("admin", "admin"))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBody());
	}

	private org.springframework.test.web.reactive.server.WebTestClient.BodyContentSpec getAsAdmin(String uri,
			Object... variables) {
		return this.web.get()
			.uri(uri, variables)
			.headers((headers) -> headers.setBasicAuth("admin", "admin"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody();
	}

}
