package org.misinfodesk.local;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.misinfodesk.local.fault.DeskClient;
import org.misinfodesk.local.fault.LocalStack;
import org.misinfodesk.local.fault.WebhookReceiver;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole flow of API.md against the packaged jars, started by {@code deploy/local/run.sh} as a
 * user would: a citizen's report becomes a case, an analyst routes it, the agency's webhook
 * receives a signed alert and its mailbox the email, the citizen sees FORWARDED; the agency
 * acknowledges and reports the outcome through the alert's link, the case is resolved in triage and
 * the citizen sees RESOLVED; and all of it is still there after the stack is stopped and started.
 */
class LocalStackIT {

	private static final String REPORTER_EMAIL = "hoa.nguyen.phuly@example.vn";

	private static final String REPORTER_PHONE = "0912345678";

	private static final DeskClient client = new DeskClient();

	private static LocalStack stack;

	private static WebhookReceiver receiver;

	@BeforeAll
	static void startStack() throws Exception {
		Path module = Path.of("").toAbsolutePath();
		stack = LocalStack.fresh(module.resolve("run.sh"), module.resolve("target/system-test-data"));
		receiver = new WebhookReceiver();
		stack.start();
	}

	@AfterAll
	static void stopStack() {
		try {
			stack.stop();
		}
		finally {
			receiver.close();
		}
	}

	@Test
	void reportTravelsFromCitizenToAgencyAndItsOutcomeBackToTheCitizenAndSurvivesARestart() throws Exception {
		JsonNode webhook = client.expect(201, "POST", stack.url(8083) + "/api/v1/agencies/so-y-te/webhooks", "admin",
				Map.of("url", receiver.url("/hooks/so-y-te"), "description", "Hệ thống tiếp nhận của Sở Y tế"));
		String secret = webhook.get("secret").asString();
		assertThat(secret).startsWith("whsec_");

		String marker = "Kiểm-thử-" + UUID.randomUUID().toString().substring(0, 8);
		JsonNode submitted = client.expect(201, "POST", stack.url(8081) + "/api/v1/reports", null, Map.of("content",
				marker + " Bài đăng nói uống nước lá ổi chữa khỏi sốt xuất huyết trong 3 ngày, không cần đến bệnh viện.",
				"sourceUrl", "https://www.facebook.com/groups/123456/posts/987654", "platform", "FACEBOOK",
				"categoryHint", "HEALTH"));
		String trackingCode = submitted.get("trackingCode").asString();
		assertThat(submitted.get("status").asString()).isEqualTo("RECEIVED");
		client.expect(201, "POST", stack.url(8081) + "/api/v1/reports", null, Map.of("content",
				"Tin nhắn Zalo mạo danh công an phường yêu cầu chuyển khoản để \"xác minh tài khoản\".", "platform",
				"ZALO", "categoryHint", "SCAM", "reporter", Map.of("name", "Nguyễn Thị Hoa", "email", REPORTER_EMAIL,
						"phone", REPORTER_PHONE, "contactConsent", true)));

		String caseId = caseInQueue(marker);

		client.expect(200, "POST", stack.url(8082) + "/api/v1/cases/" + caseId + "/claim", "analyst", null);
		JsonNode decided = client.expect(200, "POST", stack.url(8082) + "/api/v1/cases/" + caseId + "/decision",
				"analyst", Map.of("verdict", "FAKE", "category", "HEALTH", "severity", "HIGH", "agencyIds",
						List.of("so-y-te"), "publicNote", "Thông tin sai sự thật; đã chuyển Sở Y tế xác minh."));
		assertThat(decided.get("status").asString()).isEqualTo("ROUTED");

		WebhookReceiver.Received alert = await().atMost(Duration.ofSeconds(60))
			.until(() -> receiver.received().stream().filter((w) -> w.body().contains(caseId)).findFirst().orElse(null),
					(w) -> w != null);
		assertThat(alert.signedWith(secret)).as("signature verifies with the registered secret").isTrue();
		JsonNode body = DeskClient.parse(alert.body());
		assertThat(body.get("type").asString()).isEqualTo("case.routed");
		assertThat(body.get("data").get("caseId").asString()).isEqualTo(caseId);
		assertThat(body.get("data").get("verdict").asString()).isEqualTo("FAKE");

		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
				client.get(stack.url(8025) + "/api/user/vanthu.syt@hanam.gov.vn/messages/")).contains(caseId));

		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(client
			.expect(200, "GET", stack.url(8081) + "/api/v1/reports/" + trackingCode, null, null)
			.get("status")
			.asString()).isEqualTo("FORWARDED"));

		String acknowledgeUrl = body.get("data").get("acknowledgeUrl").asString();
		String token = acknowledgeUrl.substring(acknowledgeUrl.lastIndexOf('/') + 1);
		client.expect(200, "POST", stack.url(8083) + "/api/v1/acknowledgements/" + token, null,
				Map.of("note", "Đã tiếp nhận, đang xác minh."));
		client.expect(200, "POST", stack.url(8083) + "/api/v1/acknowledgements/" + token + "/outcome", null,
				Map.of("outcome", "REMOVED", "note", "Bài đăng đã bị gỡ; người đăng đã được nhắc nhở."));

		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(client
			.expect(200, "GET", stack.url(8082) + "/api/v1/cases/" + caseId, "analyst", null)
			.get("status")
			.asString()).isEqualTo("RESOLVED"));
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(client
			.expect(200, "GET", stack.url(8081) + "/api/v1/reports/" + trackingCode, null, null)
			.get("status")
			.asString()).isEqualTo("RESOLVED"));

		stack.stop();
		stack.start();

		JsonNode afterRestart = client.expect(200, "GET", stack.url(8081) + "/api/v1/reports/" + trackingCode, null,
				null);
		assertThat(afterRestart.get("status").asString()).isEqualTo("RESOLVED");
		assertThat(afterRestart.get("history")).extracting((entry) -> entry.get("status").asString())
			.containsSubsequence("RECEIVED", "IN_REVIEW", "FORWARDED", "RESOLVED");
		assertThat(receiver.webhookIdsBy((b) -> DeskClient.parse(b).get("data").get("caseId").asString()).get(caseId))
			.hasSize(1);

		try (Stream<Path> logs = Files.list(stack.data().resolve("logs"))) {
			for (Path log : logs.toList()) {
				assertThat(Files.readString(log, StandardCharsets.ISO_8859_1))
					.as("no secret or contact detail in %s", log.getFileName())
					.doesNotContain(secret, secret.substring("whsec_".length()), REPORTER_EMAIL, REPORTER_PHONE);
			}
		}
	}


	@Test
	void agencySystemDeclinesWithItsKeyAndTheCaseGoesBackToTheAnalystsForAnotherAgency() throws Exception {
		String marker = "Thẩm-quyền-" + UUID.randomUUID().toString().substring(0, 8);
		String trackingCode = client.expect(201, "POST", stack.url(8081) + "/api/v1/reports", null, Map.of("content",
				marker + " Bài đăng nói giá vé tham quan các khu du lịch trong tỉnh sẽ tăng gấp ba từ tháng sau.",
				"platform", "FACEBOOK", "categoryHint", "HEALTH"))
			.get("trackingCode")
			.asString();
		String caseId = caseInQueue(marker);
		client.expect(200, "POST", stack.url(8082) + "/api/v1/cases/" + caseId + "/claim", "analyst", null);
		client.expect(200, "POST", stack.url(8082) + "/api/v1/cases/" + caseId + "/decision", "analyst",
				Map.of("verdict", "UNTRUE", "category", "HEALTH", "severity", "MEDIUM", "agencyIds", List.of("so-y-te"),
						"publicNote", "Đã chuyển Sở Y tế xác minh."));

		JsonNode key = client.expect(201, "POST", stack.url(8083) + "/api/v1/agencies/so-y-te/api-keys", "admin", null);
		String apiKey = key.get("key").asString();
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(client
			.callWithKey("GET", stack.url(8083) + "/api/v1/agency/cases?state=open", apiKey, null)
			.body()
			.toString()).contains(caseId));
		DeskClient.Answer declined = client.callWithKey("POST",
				stack.url(8083) + "/api/v1/agency/cases/" + caseId + "/outcome", apiKey,
				Map.of("outcome", "NOT_COMPETENT", "publicNote", "Giá vé tham quan không thuộc thẩm quyền của Sở Y tế."));
		assertThat(declined.status()).isEqualTo(200);
		assertThat(declined.text("response")).isEqualTo("DECLINED");

		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(client
			.expect(200, "GET", stack.url(8082) + "/api/v1/cases/" + caseId, "analyst", null)
			.get("status")
			.asString()).isEqualTo("IN_REVIEW"));
		// the queue is a read model, written just after the case itself
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
				client.expect(200, "GET", stack.url(8082) + "/api/v1/cases", "analyst", null).toString())
			.as("back in the analysts' queue")
			.contains(caseId));
		assertThat(client.expect(200, "GET", stack.url(8081) + "/api/v1/reports/" + trackingCode, null, null)
			.get("status")
			.asString()).isEqualTo("FORWARDED");

		client.expect(200, "POST", stack.url(8082) + "/api/v1/cases/" + caseId + "/claim", "analyst", null);
		JsonNode rerouted = client.expect(200, "POST", stack.url(8082) + "/api/v1/cases/" + caseId + "/decision",
				"analyst", Map.of("verdict", "UNTRUE", "category", "POLICY_LAW", "severity", "MEDIUM", "agencyIds",
						List.of("so-vhttdl"), "publicNote", "Đã chuyển Sở Văn hóa, Thể thao và Du lịch xác minh."));
		assertThat(rerouted.get("status").asString()).isEqualTo("ROUTED");
		assertThat(rerouted.get("routing").asInt()).isEqualTo(2);

		client.expect(204, "DELETE", stack.url(8083) + "/api/v1/agencies/so-y-te/api-keys/" + key.get("id").asString(),
				"admin", null);
		assertThat(client.callWithKey("GET", stack.url(8083) + "/api/v1/agency/cases", apiKey, null).status())
			.isEqualTo(401);
	}

	/** Waits for the case whose summary starts with {@code marker} to show in the analysts' queue. */
	private static String caseInQueue(String marker) {
		return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
			for (JsonNode item : client.expect(200, "GET", stack.url(8082) + "/api/v1/cases", "analyst", null)
				.get("items")) {
				if (item.get("summary").asString().startsWith(marker)) {
					return item.get("id").asString();
				}
			}
			return null;
		}, (id) -> id != null);
	}

}
