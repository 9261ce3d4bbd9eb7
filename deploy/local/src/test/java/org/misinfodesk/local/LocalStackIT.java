package org.misinfodesk.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole flow of API.md against the packaged jars, started by {@code deploy/local/run.sh} as a
 * user would: a citizen's report becomes a case, an analyst routes it, the agency's webhook
 * receives a signed alert and its mailbox the email, the citizen sees FORWARDED, and the report is
 * still there after the stack is stopped and started again.
 */
class LocalStackIT {

	private static final Path MODULE = Path.of("").toAbsolutePath();

	private static final Path DATA = MODULE.resolve("target/system-test-data");

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static final List<Received> webhooks = new CopyOnWriteArrayList<>();

	private static int offset;

	private static HttpServer receiver;

	record Received(Map<String, List<String>> headers, String body) {
	}

	@BeforeAll
	static void startStack() throws Exception {
		deleteRecursively(DATA);
		offset = freeOffset();
		receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		receiver.createContext("/hooks/so-y-te", (exchange) -> {
			byte[] body = exchange.getRequestBody().readAllBytes();
			webhooks.add(new Received(Map.copyOf(exchange.getRequestHeaders()), new String(body, StandardCharsets.UTF_8)));
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		receiver.start();
		runSh("--detach");
	}

	@AfterAll
	static void stopStack() throws Exception {
		try {
			runSh("stop");
		}
		finally {
			if (receiver != null) {
				receiver.stop(0);
			}
		}
	}

	@Test
	void reportTravelsFromCitizenToAgencyWebhookAndMailAndSurvivesARestart() throws Exception {
		JsonNode webhook = send("POST", port(8083), "/api/v1/agencies/so-y-te/webhooks", "admin", Map.of("url",
				"http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks/so-y-te", "description",
				"Hệ thống tiếp nhận của Sở Y tế"), 201);
		String secret = webhook.get("secret").asString();
		assertThat(secret).startsWith("whsec_");

		String marker = "Kiểm-thử-" + UUID.randomUUID().toString().substring(0, 8);
		JsonNode submitted = send("POST", port(8081), "/api/v1/reports", null, Map.of("content", marker
				+ " Bài đăng nói uống nước lá ổi chữa khỏi sốt xuất huyết trong 3 ngày, không cần đến bệnh viện.",
				"sourceUrl", "https://www.facebook.com/groups/123456/posts/987654", "platform", "FACEBOOK",
				"categoryHint", "HEALTH"), 201);
		String trackingCode = submitted.get("trackingCode").asString();
		assertThat(submitted.get("status").asString()).isEqualTo("RECEIVED");

		String caseId = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
			JsonNode items = send("GET", port(8082), "/api/v1/cases", "analyst", null, 200).get("items");
			for (JsonNode item : items) {
				if (item.get("summary").asString().startsWith(marker)) {
					return item.get("id").asString();
				}
			}
			return null;
		}, (id) -> id != null);

		send("POST", port(8082), "/api/v1/cases/" + caseId + "/claim", "analyst", null, 200);
		JsonNode decided = send("POST", port(8082), "/api/v1/cases/" + caseId + "/decision", "analyst",
				Map.of("verdict", "FAKE", "category", "HEALTH", "severity", "HIGH", "agencyIds", List.of("so-y-te"),
						"publicNote", "Thông tin sai sự thật; đã chuyển Sở Y tế xác minh."),
				200);
		assertThat(decided.get("status").asString()).isEqualTo("ROUTED");

		Received alert = await().atMost(Duration.ofSeconds(60))
			.until(() -> webhooks.stream().filter((w) -> w.body().contains(caseId)).findFirst().orElse(null),
					(w) -> w != null);
		assertThat(signatureOf(secret, header(alert, "webhook-id"), header(alert, "webhook-timestamp"), alert.body()))
			.isEqualTo(header(alert, "webhook-signature"));
		JsonNode body = json.readTree(alert.body());
		assertThat(body.get("type").asString()).isEqualTo("case.routed");
		assertThat(body.get("data").get("caseId").asString()).isEqualTo(caseId);
		assertThat(body.get("data").get("verdict").asString()).isEqualTo("FAKE");

		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
				get(port(8025), "/api/user/vanthu.syt@hanam.gov.vn/messages/")).contains(caseId));

		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
				send("GET", port(8081), "/api/v1/reports/" + trackingCode, null, null, 200).get("status").asString())
			.isEqualTo("FORWARDED"));

		runSh("stop");
		runSh("--detach");

		JsonNode afterRestart = send("GET", port(8081), "/api/v1/reports/" + trackingCode, null, null, 200);
		assertThat(afterRestart.get("status").asString()).isEqualTo("FORWARDED");
		assertThat(afterRestart.get("history")).extracting((entry) -> entry.get("status").asString())
			.contains("RECEIVED", "FORWARDED");
		assertThat(webhooks.stream().filter((w) -> w.body().contains(caseId)).map((w) -> header(w, "webhook-id"))
			.distinct()).hasSize(1);
	}

	private static int port(int base) {
		return base + offset;
	}

	private static JsonNode send(String method, int port, String path, String user, Object body, int expected)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(20))
			.header("Accept", "application/json");
		if (user != null) {
			request.header("Authorization", "Basic "
					+ Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
		}
		if (body != null) {
			request.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as("%s %s answered %s", method, path, response.body()).isEqualTo(expected);
		return json.readTree(response.body());
	}

	private static String get(int port, String path) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofString()).body();
	}

	private static String header(Received received, String name) {
		return received.headers()
			.entrySet()
			.stream()
			.filter((e) -> e.getKey().equalsIgnoreCase(name))
			.map((e) -> e.getValue().get(0))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No " + name + " header in " + received.headers()));
	}

	/** Standard Webhooks v1, computed independently of the service. */
	private static String signatureOf(String secret, String id, String timestamp, String body) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
		byte[] signature = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
		return "v1," + Base64.getEncoder().encodeToString(signature);
	}

	private static void runSh(String argument) throws Exception {
		Path log = MODULE.resolve("target/run-sh-" + argument.replace("-", "") + ".log");
		ProcessBuilder builder = new ProcessBuilder("bash", MODULE.resolve("run.sh").toString(), argument)
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
		builder.environment().put("MISINFODESK_DATA_DIR", DATA.toString());
		builder.environment().put("MISINFODESK_PORT_OFFSET", String.valueOf(offset));
		Process process = builder.start();
		process.getOutputStream().close();
		assertThat(process.waitFor(6, TimeUnit.MINUTES)).as("run.sh %s finished; see %s", argument, log).isTrue();
		assertThat(process.exitValue()).as("run.sh %s; see %s", argument, log).isZero();
	}

	/** An offset from the documented ports at which every port of the stack is free. */
	private static int freeOffset() {
		return IntStream.iterate(21000, (o) -> o + 500)
			.limit(30)
			.filter((o) -> IntStream.of(8081, 8082, 8083, 9092, 9093, 27017, 3025, 8025)
				.allMatch((p) -> isFree(p + o)))
			.findFirst()
			.orElseThrow();
	}

	private static boolean isFree(int port) {
		try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static void deleteRecursively(Path dir) throws IOException {
		if (Files.exists(dir)) {
			try (var paths = Files.walk(dir)) {
				paths.sorted(Comparator.reverseOrder()).forEach((p) -> p.toFile().delete());
			}
		}
	}

}
