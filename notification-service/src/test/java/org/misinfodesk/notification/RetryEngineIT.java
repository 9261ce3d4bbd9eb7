package org.misinfodesk.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class RetryEngineIT extends RunningService {

	static final String ADMINS = "quantri.misinfodesk@hanam.gov.vn";

	@Test
	void aGoneAnswerDisablesTheEndpointFailsTheDeliveryAndTellsTheAgencyAndTheAdmins() throws Exception {
		String url = receiver.newUrl();
		String id = registerWebhook("so-tai-chinh", url).get("id").asString();
		receiver.answer(url, 410);
		String caseId = RoutedCaseEvents.newCaseId();

		publishRouted(caseId, RoutedCaseEvents.routedTo(caseId, "so-tai-chinh", "Sở Tài chính tỉnh Hà Nam"));

		await().atMost(PATIENCE).untilAsserted(() -> {
			JsonNode webhook = webhookDeliveryTo(caseId, url);
			assertThat(webhook.get("state").asString()).isEqualTo("FAILED");
			assertThat(webhook.get("attempts").valueStream().map((attempt) -> attempt.get("statusCode").asInt()))
				.containsExactly(410);
		});
		JsonNode endpoint = endpoint("so-tai-chinh", id);
		assertThat(endpoint.get("state").asString()).isEqualTo("DISABLED");
		assertThat(endpoint.get("disabledReason").asString()).isEqualTo("GONE");
		await().atMost(PATIENCE).until(() -> noticeAbout(url, "vanthu.stc@hanam.gov.vn") != null);
		assertThat(noticeAbout(url, "vanthu.stc@hanam.gov.vn").getSubject())
			.isEqualTo("[Misinfo Desk] Webhook của Sở Tài chính tỉnh Hà Nam đã bị tạm dừng");
		assertThat(textOf(noticeAbout(url, "vanthu.stc@hanam.gov.vn"))).contains("410 Gone");
		await().atMost(PATIENCE).until(() -> adminNoticesAbout(caseId).size() == 1);
		assertThat(receiver.received(url)).hasSize(1);
	}

	@Test
	void retryAfterOnA503IsHonouredInsteadOfTheSchedule() {
		String url = receiver.newUrl();
		registerWebhook("so-y-te", url);
		receiver.answer(url, new WebhookReceiver.Reply(503, Map.of("Retry-After", "2")));
		String caseId = RoutedCaseEvents.newCaseId();

		publishRouted(caseId, RoutedCaseEvents.routedTo(caseId, "so-y-te", "Sở Y tế tỉnh Hà Nam"));

		await().atMost(PATIENCE).until(() -> receiver.received(url).size() == 2);
		List<WebhookReceiver.Request> requests = receiver.received(url);
		assertThat(Duration.between(requests.get(0).at(), requests.get(1).at())).isGreaterThan(Duration.ofMillis(1900));
		assertThat(requests.get(1).header("webhook-id")).isEqualTo(requests.get(0).header("webhook-id"));
		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(webhookDeliveryTo(caseId, url).get("state").asString()).isEqualTo("DELIVERED"));
	}

	@Test
	void aDeliveryGivenUpAlertsTheAdminsByEmail() throws Exception {
		String url = receiver.newUrl();
		registerWebhook("so-vhttdl", url);
		receiver.answer(url, 500, 500, 500, 500);
		String caseId = RoutedCaseEvents.newCaseId();

		publishRouted(caseId, RoutedCaseEvents.routedTo(caseId, "so-vhttdl", "Sở VHTTDL"));

		await().atMost(PATIENCE).until(() -> adminNoticesAbout(caseId).size() == 1);
		MimeMessage notice = adminNoticesAbout(caseId).get(0);
		assertThat(notice.getSubject()).isEqualTo("[Misinfo Desk] Không gửi được thông báo vụ việc " + caseId + " tới so-vhttdl");
		String deliveryId = webhookDeliveryTo(caseId, url).get("id").asString();
		assertThat(textOf(notice)).contains("Mã lần gửi: " + deliveryId)
			.contains("Số lần thử: 4")
			.contains("Lỗi lần cuối: HTTP 500")
			.contains("Delivery: " + deliveryId)
			.contains(url);
		assertThat(deliveriesOf(caseId).valueStream().map((delivery) -> delivery.get("kind").asString()))
			.contains("NOTICE");
		this.web.get()
			.uri("/api/v1/deliveries?state=FAILED")
			.headers((headers) -> headers.setBasicAuth("supervisor", "supervisor"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.items[?(@.id == '%s')].state".formatted(deliveryId))
			.isEqualTo("FAILED");
	}

	@Test
	void anEndpointFailingWithoutASuccessForTheConfiguredPeriodIsDisabledAndTheAgencyIsTold() {
		String url = receiver.newUrl();
		String id = registerWebhook("cong-an-tinh", url).get("id").asString();
		receiver.answer(url, Collections.nCopies(40, 500).toArray(Integer[]::new));
		String first = RoutedCaseEvents.newCaseId();
		publishRouted(first, RoutedCaseEvents.routedTo(first, "cong-an-tinh", "Công an tỉnh Hà Nam"));
		await().atMost(PATIENCE).until(() -> endpoint("cong-an-tinh", id).path("failingSince").isString());
		Instant failingSince = Instant.parse(endpoint("cong-an-tinh", id).path("failingSince").asString());
		assertThat(endpoint("cong-an-tinh", id).get("state").asString()).isEqualTo("ENABLED");
		await().atMost(PATIENCE).until(() -> Instant.now().isAfter(failingSince.plusSeconds(DISABLE_AFTER_SECONDS)));

		String second = RoutedCaseEvents.newCaseId();
		publishRouted(second, RoutedCaseEvents.routedTo(second, "cong-an-tinh", "Công an tỉnh Hà Nam"));

		await().atMost(PATIENCE).until(() -> endpoint("cong-an-tinh", id).get("state").asString().equals("DISABLED"));
		assertThat(endpoint("cong-an-tinh", id).get("disabledReason").asString()).isEqualTo("FAILING");
		await().atMost(PATIENCE).until(() -> noticeAbout(url, "phongan-ninh-mang.ca@hanam.gov.vn") != null);
		assertThat(textOf(noticeAbout(url, "phongan-ninh-mang.ca@hanam.gov.vn")))
			.contains("không nhận thành công thông báo nào kể từ");
	}

	@Test
	void aReplayedDeliverySendsTheSameBodyWithTheSameWebhookIdAgain() {
		String url = receiver.newUrl();
		registerWebhook("so-y-te", url);
		String caseId = RoutedCaseEvents.newCaseId();
		publishRouted(caseId, RoutedCaseEvents.routedTo(caseId, "so-y-te", "Sở Y tế tỉnh Hà Nam"));
		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(webhookDeliveryTo(caseId, url).get("state").asString()).isEqualTo("DELIVERED"));
		String deliveryId = webhookDeliveryTo(caseId, url).get("id").asString();

		this.web.post()
			.uri("/api/v1/deliveries/{id}/replay", deliveryId)
			.headers((headers) -> headers.setBasicAuth("admin", "admin"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.state")
			.isEqualTo("PENDING");

		await().atMost(PATIENCE).until(() -> receiver.received(url).size() == 2);
		List<WebhookReceiver.Request> requests = receiver.received(url);
		assertThat(requests.get(1).header("webhook-id")).isEqualTo(requests.get(0).header("webhook-id"));
		assertThat(requests.get(1).body()).isEqualTo(requests.get(0).body());
		await().atMost(PATIENCE).untilAsserted(() -> assertThat(webhookDeliveryTo(caseId, url).get("attempts").size()).isEqualTo(2));
	}

	@Test
	void recoveringAnEndpointSendsItsFailedDeliveriesSinceTheGivenTime() {
		String url = receiver.newUrl();
		String id = registerWebhook("so-tai-chinh", url).get("id").asString();
		receiver.answer(url, 500, 500, 500, 500);
		Instant before = Instant.now().minusSeconds(1);
		String caseId = RoutedCaseEvents.newCaseId();
		publishRouted(caseId, RoutedCaseEvents.routedTo(caseId, "so-tai-chinh", "Sở Tài chính tỉnh Hà Nam"));
		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(webhookDeliveryTo(caseId, url).get("state").asString()).isEqualTo("FAILED"));

		this.web.post()
			.uri("/api/v1/agencies/so-tai-chinh/webhooks/{id}/recover", id)
			.headers((headers) -> headers.setBasicAuth("admin", "admin"))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("since", before.toString()))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.replayed")
			.isEqualTo(1);

		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(webhookDeliveryTo(caseId, url).get("state").asString()).isEqualTo("DELIVERED"));
		assertThat(receiver.received(url)).hasSize(5)
			.extracting((request) -> request.header("webhook-id"))
			.containsOnly(receiver.received(url).get(0).header("webhook-id"));
	}

	@Test
	void replayingAnUnknownDeliveryIsA404AndOnlyAdminsMayReplay() {
		this.web.post()
			.uri("/api/v1/deliveries/d-unknown/replay")
			.headers((headers) -> headers.setBasicAuth("admin", "admin"))
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://misinfodesk.org/problems/unknown-delivery");
		this.web.post()
			.uri("/api/v1/deliveries/d-unknown/replay")
			.headers((headers) -> headers.setBasicAuth("supervisor", "supervisor"))
			.exchange()
			.expectStatus()
			.isForbidden();
		this.web.get()
			.uri("/api/v1/deliveries?state=LOST")
			.headers((headers) -> headers.setBasicAuth("admin", "admin"))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].code")
			.isEqualTo("invalid-state");
	}

	@Test
	void metricsCountAttemptsByChannelAndOutcomeAndShowThePendingDeliveries() {
		String url = receiver.newUrl();
		registerWebhook("so-y-te", url);
		String caseId = RoutedCaseEvents.newCaseId();
		publishRouted(caseId, RoutedCaseEvents.routedTo(caseId, "so-y-te", "Sở Y tế tỉnh Hà Nam"));
		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(webhookDeliveryTo(caseId, url).get("state").asString()).isEqualTo("DELIVERED"));

		String metrics = roomyWeb().get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();

		assertThat(metrics).containsPattern("misinfodesk_deliveries_attempts_total\\{[^}]*channel=\"WEBHOOK\"[^}]*outcome=\"SUCCEEDED\"[^}]*} [1-9]")
			.containsPattern("misinfodesk_deliveries_completed_total\\{[^}]*channel=\"EMAIL\"[^}]*outcome=\"DELIVERED\"[^}]*} [1-9]")
			.contains("misinfodesk_deliveries_attempt_duration_seconds_bucket")
			.containsPattern("misinfodesk_case_routed_to_delivered_seconds_count\\{[^}]*channel=\"WEBHOOK\"[^}]*} [1-9]")
			.containsPattern("(?m)^misinfodesk_deliveries_pending(\\{[^}]*})? \\d")
			.containsPattern("(?m)^misinfodesk_deliveries_oldest_pending_age_seconds(\\{[^}]*})? \\d");
	}

	private JsonNode endpoint(String agencyId, String id) {
		return json.readTree(this.web.get()
			.uri("/api/v1/agencies/{agencyId}/webhooks/{id}", agencyId, id)
			.headers((headers) -> headers.setBasicAuth("admin", "admin"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBody());
	}

	private JsonNode webhookDeliveryTo(String caseId, String url) {
		return deliveriesOf(caseId).valueStream()
			.filter((delivery) -> delivery.get("channel").asString().equals("WEBHOOK")
					&& delivery.get("target").get("url").asString().equals(url))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No webhook delivery of " + caseId + " to " + url + " yet"));
	}

	private static List<MimeMessage> adminNoticesAbout(String caseId) {
		return emailsAbout(caseId).stream().filter((message) -> sentTo(message, ADMINS)).toList();
	}

	private static MimeMessage noticeAbout(String url, String address) {
		return emailsTo(address).stream().filter((message) -> {
			String text = textOf(message);
			return text != null && text.contains(url);
		}).findFirst().orElse(null);
	}

}
