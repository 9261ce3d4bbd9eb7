package org.misinfodesk.notification;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.mail.internet.InternetAddress;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.misinfodesk.platform.test.CloudEventRecords;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class CaseAlertsIT extends RunningService {

	@Test
	void aRoutedCaseReachesTheAgencyBySignedWebhookAndVietnameseEmail() throws Exception {
		String url = receiver.newUrl();
		String secret = registerWebhook("so-y-te", url).get("secret").asString();
		String caseId = RoutedCaseEvents.newCaseId();

		publishRouted(caseId, RoutedCaseEvents.routedTo(caseId, "so-y-te", "Sở Y tế tỉnh Hà Nam"));

		await().atMost(PATIENCE).until(() -> !receiver.received(url).isEmpty());
		WebhookReceiver.Request request = receiver.received(url).get(0);
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.header("content-type")).startsWith("application/json");
		assertThat(request.header("webhook-id")).startsWith("msg_");
		long timestamp = Long.parseLong(request.header("webhook-timestamp"));
		assertThat(timestamp).isBetween(Instant.now().getEpochSecond() - 60, Instant.now().getEpochSecond() + 5);
		assertThat(request.header("webhook-signature")).isEqualTo(expectedSignature(secret,
				request.header("webhook-id"), request.header("webhook-timestamp"), request.body()));

		JsonNode body = json.readTree(request.body());
		assertThat(body.propertyNames()).containsExactlyInAnyOrder("type", "timestamp", "data");
		assertThat(body.get("type").asString()).isEqualTo("case.routed");
		assertThat(Instant.parse(body.get("timestamp").asString())).isEqualTo("2026-11-27T02:10:00Z");
		JsonNode data = body.get("data");
		assertThat(data.propertyNames()).containsExactlyInAnyOrder("caseId", "verdict", "category", "severity",
				"localityCode", "summary", "reportCount", "sourceUrls", "dueAt", "acknowledgeUrl");
		assertThat(data.get("caseId").asString()).isEqualTo(caseId);
		assertThat(data.get("verdict").asString()).isEqualTo("FAKE");
		assertThat(data.get("summary").asString()).isEqualTo(RoutedCaseEvents.EXAMPLE_SUMMARY);
		assertThat(data.get("reportCount").asInt()).isEqualTo(1);
		assertThat(data.get("sourceUrls").get(0).asString())
			.isEqualTo("https://www.facebook.com/groups/123456/posts/987654");
		assertThat(Instant.parse(data.get("dueAt").asString())).isEqualTo("2026-11-28T02:10:00Z");
		String acknowledgeUrl = data.get("acknowledgeUrl").asString();
		assertThat(acknowledgeUrl).matches(ACK_BASE.replace(".", "\\.") + "[A-Za-z0-9_-]{43}");

		await().atMost(PATIENCE).until(() -> emailsAbout(caseId).size() == 1);
		MimeMessage email = emailsAbout(caseId).get(0);
		assertThat(email.getAllRecipients()).containsExactly(new InternetAddress("vanthu.syt@hanam.gov.vn"));
		assertThat(email.getFrom()).containsExactly(new InternetAddress("misinfodesk@hanam.gov.vn"));
		assertThat(email.getSubject())
			.isEqualTo("[Misinfo Desk] Đề nghị xác minh, xử lý vụ việc " + caseId + ": " + RoutedCaseEvents.EXAMPLE_SUMMARY);
		assertThat(email.getContentType()).containsIgnoringCase("multipart/");
		String text = textOf(email);
		assertThat(text).contains("Kính gửi: Sở Y tế tỉnh Hà Nam,")
			.contains(RoutedCaseEvents.EXAMPLE_SUMMARY)
			.contains("Kết luận: Tin giả")
			.contains("Mức độ: Cao")
			.contains("Thời hạn xử lý: 09:10 ngày 28/11/2026 (giờ Việt Nam)")
			.contains(acknowledgeUrl);
		String html = htmlOf(email);
		assertThat(html).contains("<html lang=\"vi\">")
			.contains("Kính gửi: Sở Y tế tỉnh Hà Nam,")
			.contains("Kết luận: Tin giả")
			.contains("<a href=\"" + acknowledgeUrl + "\"");

		await().atMost(PATIENCE).untilAsserted(() -> assertThat(deliveriesOf(caseId))
			.allSatisfy((delivery) -> assertThat(delivery.get("state").asString()).isEqualTo("DELIVERED")));
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void theWebhookCallAndTheEmailContinueTheTraceTheRoutingCameWith(CapturedOutput output) throws Exception {
		String url = receiver.newUrl();
		registerWebhook("so-y-te", url);
		String caseId = RoutedCaseEvents.newCaseId();
		String traceId = "7c2e4f6a8b0d1e3f5a7c9e1b3d5f7a9c";
		String routedSpan = "1f2e3d4c5b6a7988";
		ProducerRecord<String, String> record = CloudEventRecords.of("cases.routed", RoutedCaseEvents.TYPE, caseId,
				RoutedCaseEvents.routedTo(caseId, "so-y-te", "Sở Y tế tỉnh Hà Nam"));
		record.headers()
			.add("traceparent", ("00-" + traceId + "-" + routedSpan + "-01").getBytes(StandardCharsets.UTF_8));

		this.kafka.send(record).get(10, TimeUnit.SECONDS);

		await().atMost(PATIENCE).until(() -> !receiver.received(url).isEmpty());
		// the attempt's own span, a child in the same trace
		assertThat(receiver.received(url).get(0).header("traceparent")).matches("00-" + traceId + "-[0-9a-f]{16}-01")
			.doesNotContain(routedSpan);
		// one line an attempt, in the trace: the agency may have other tests' endpoints too
		await().atMost(PATIENCE).untilAsserted(() -> assertThat(output.getOut().lines()
			.filter((line) -> line.contains("of case " + caseId + " routing 1") && line.contains("attempt 1: SUCCEEDED")))
			.allSatisfy((line) -> assertThat(line).contains(traceId))
			.anySatisfy((line) -> assertThat(line).contains("by WEBHOOK", "(HTTP 200)"))
			.anySatisfy((line) -> assertThat(line).contains("by EMAIL")));
	}

	@Test
	void theSameRoutingDeliveredTwiceAlertsOnlyOnce() {
		String url = receiver.newUrl();
		registerWebhook("so-vhttdl", url);
		String caseId = RoutedCaseEvents.newCaseId();
		String first = RoutedCaseEvents.routedTo(caseId, 1, "so-vhttdl", "Sở Văn hóa, Thể thao và Du lịch tỉnh Hà Nam",
				"Tin đồn lần một");
		String eventId = UUID.randomUUID().toString();

		publishRouted(eventId, caseId, first);
		publishRouted(eventId, caseId, first);
		publishRouted(caseId, first);
		// Same key, same partition: once the re-routing is alerted, the three copies before it were handled.
		publishRouted(caseId, RoutedCaseEvents.routedTo(caseId, 2, "so-vhttdl",
				"Sở Văn hóa, Thể thao và Du lịch tỉnh Hà Nam", "Tin đồn lần hai"));

		await().atMost(PATIENCE)
			.until(() -> receiver.received(url).stream().anyMatch((request) -> request.body().contains("lần hai")));
		await().atMost(PATIENCE).until(() -> emailsAbout(caseId).size() >= 2);
		assertThat(receiver.received(url)).filteredOn((request) -> request.body().contains("lần một")).hasSize(1);
		assertThat(emailsAbout(caseId)).hasSize(2);
		JsonNode deliveries = deliveriesOf(caseId);
		assertThat(deliveries.valueStream()
			.filter((delivery) -> delivery.get("channel").asString().equals("EMAIL")
					|| delivery.get("target").get("url").asString().equals(url))
			.map((delivery) -> delivery.get("routing").asInt() + "/" + delivery.get("channel").asString()))
			.containsExactlyInAnyOrder("1/EMAIL", "1/WEBHOOK", "2/EMAIL", "2/WEBHOOK");
	}

	@Test
	void aFailingReceiverIsRetriedWithTheSameWebhookIdUntilItAnswers2xx() {
		String url = receiver.newUrl();
		String secret = registerWebhook("cong-an-tinh", url).get("secret").asString();
		receiver.answer(url, 500, 500);
		String caseId = RoutedCaseEvents.newCaseId();

		publishRouted(caseId, RoutedCaseEvents.routedTo(caseId, "cong-an-tinh", "Công an tỉnh Hà Nam"));

		await().atMost(PATIENCE).untilAsserted(() -> {
			JsonNode webhook = webhookDelivery(caseId, url);
			assertThat(webhook.get("state").asString()).isEqualTo("DELIVERED");
			assertThat(webhook.get("attempts").valueStream().map((attempt) -> attempt.get("outcome").asString()))
				.containsExactly("FAILED", "FAILED", "SUCCEEDED");
			assertThat(webhook.get("attempts").valueStream().map((attempt) -> attempt.get("statusCode").asInt()))
				.containsExactly(500, 500, 200);
		});
		List<WebhookReceiver.Request> requests = receiver.received(url);
		assertThat(requests).hasSize(3);
		String webhookId = requests.get(0).header("webhook-id");
		assertThat(requests).allSatisfy((request) -> {
			assertThat(request.header("webhook-id")).isEqualTo(webhookId);
			assertThat(request.header("webhook-signature")).isEqualTo(expectedSignature(secret, webhookId,
					request.header("webhook-timestamp"), request.body()));
		});
		assertThat(requests).extracting(WebhookReceiver.Request::body).containsOnly(requests.get(0).body());
		JsonNode webhook = webhookDelivery(caseId, url);
		assertThat(webhook.get("webhookId").asString()).isEqualTo(webhookId);
		assertThat(webhook.get("target").get("url").asString()).isEqualTo(url);
		assertThat(webhook.has("payload")).isFalse();
		assertThat(webhook.has("acknowledgementToken")).isFalse();
		assertThat(webhook.get("attempts").get(0).get("durationMs").isNumber()).isTrue();
	}

	@Test
	void aReceiverThatNeverAnswers2xxIsGivenUpAfterTheLastAttempt() {
		String url = receiver.newUrl();
		registerWebhook("so-tai-chinh", url);
		receiver.answer(url, 503, 302, 404, 500, 500, 500);
		String caseId = RoutedCaseEvents.newCaseId();

		publishRouted(caseId, RoutedCaseEvents.routedTo(caseId, "so-tai-chinh", "Sở Tài chính tỉnh Hà Nam"));

		await().atMost(PATIENCE).untilAsserted(() -> {
			JsonNode webhook = webhookDelivery(caseId, url);
			assertThat(webhook.get("state").asString()).isEqualTo("FAILED");
			assertThat(webhook.get("attempts").valueStream().map((attempt) -> attempt.get("statusCode").asInt()))
				.containsExactly(503, 302, 404, 500);
			assertThat(webhook.get("nextAttemptAt").isNull()).isTrue();
		});
		assertThat(receiver.received(url)).hasSize(4);
	}

	@Test
	void aRoutedCaseNoAlertCanBeMadeFromGoesToTheDeadLetterTopic() {
		String caseId = RoutedCaseEvents.newCaseId();
		String withoutAgencies = RoutedCaseEvents.routedTo(caseId, "so-y-te", "Sở Y tế tỉnh Hà Nam")
			.replaceFirst("\"agencies\":\\[[^]]*]", "\"agencies\":[]");
		assertThat(withoutAgencies).contains("\"agencies\":[]");

		try (Consumer<String, String> deadLetters = consumer("cases.routed.dlt")) {
			publishRouted(caseId, withoutAgencies);

			List<ConsumerRecord<String, String>> found = new ArrayList<>();
			await().atMost(PATIENCE).until(() -> {
				poll(deadLetters).stream().filter((record) -> caseId.equals(record.key())).forEach(found::add);
				return !found.isEmpty();
			});
			assertThat(found.get(0).value()).isEqualTo(withoutAgencies);
		}
		assertThat(deliveriesOf(caseId)).isEmpty();
	}

	/** The case's delivery to this test's own endpoint: the agency may have endpoints of other tests too. */
	private JsonNode webhookDelivery(String caseId, String url) {
		return deliveriesOf(caseId).valueStream()
			.filter((delivery) -> delivery.get("channel").asString().equals("WEBHOOK")
					&& delivery.get("target").get("url").asString().equals(url))
			.findFirst()
			// an assertion error, so that a wait for the delivery goes on until it is there
			.orElseThrow(() -> new AssertionError("No delivery of " + caseId + " to " + url + " yet"));
	}

}
