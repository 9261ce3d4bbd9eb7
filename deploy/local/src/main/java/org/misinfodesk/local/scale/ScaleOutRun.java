package org.misinfodesk.local.scale;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.misinfodesk.local.fault.DeskClient;
import org.misinfodesk.local.fault.LocalStack;
import org.misinfodesk.local.fault.WebhookReceiver;
import tools.jackson.databind.JsonNode;

/**
 * The local stack with {@value #PARTITIONS}-partition topics and {@value #INSTANCES} instances each of
 * triage-service and notification-service (run.sh's {@code MISINFODESK_*_INSTANCES}). Reports flow at
 * a steady rate while an analyst routes every case to an agency whose webhook points here; meanwhile
 * one instance of each consumer service is killed with -9 and started again, so their partitions move
 * to the survivors and back. Then it counts: reports without a case, routed cases without their
 * webhook, {@code webhook-id}s received twice, cases alerted under more than one {@code webhook-id};
 * and it measures the rebalance pauses: the longest wait from submission to the report's case
 * ({@code IN_REVIEW}) and from routing to the webhook, for work that arrived around the kill,
 * against the same figure for the whole run.
 *
 * <p>{@code deploy/local/scale-out-test.sh [reports=2000] [per-second=20]}; exits non-zero unless
 * nothing was lost or duplicated.
 */
public final class ScaleOutRun {

	static final int INSTANCES = 3;

	static final int PARTITIONS = 6;

	static final String AGENCY = "so-y-te";

	/** The instances killed: not the first, whose port the harness talks to. */
	static final List<String> VICTIMS = List.of("triage-service-2", "notification-service-2");

	/** Work arriving this long before a kill until this long after the instance is back counts as "around the kill". */
	static final Duration AROUND = Duration.ofSeconds(5);

	private static final String[] WORDS = ("tin đồn bài đăng mạng xã hội nói rằng uống nước lá ổi chanh gừng tỏi "
			+ "chữa khỏi bệnh sốt xuất huyết cúm ung thư trong ba ngày không cần đến bệnh viện trạm y tế "
			+ "ngân hàng sập tiền gửi mất trắng rút ngay vàng giá tăng gấp đôi lừa đảo đường link trúng thưởng "
			+ "mạo danh công an gọi điện yêu cầu chuyển khoản bão lũ vỡ đê sơ tán khẩn cấp phường xã huyện tỉnh")
		.split(" ");

	/** What to run. */
	public record Settings(int reports, int perSecond, Duration drainTimeout) {
	}

	/** One kill: when the instances died and when they were ready again. */
	public record Kill(List<String> instances, Instant killed, Instant back) {
	}

	/** What the run saw. */
	public record Figures(int offered, int accepted, int refused, int reportsWithoutCase, int routedCases,
			int routedWithoutWebhook, int webhooksReceived, int redeliveredWebhookIds, int redeliveredNotByKill,
			int duplicatedAlerts,
			Duration longestToCase, Duration longestToCaseAroundKill, Duration longestToWebhook,
			Duration longestToWebhookAroundKill, Duration submitting, Duration drain, List<Kill> kills) {

		public boolean clean() {
			return this.reportsWithoutCase == 0 && this.routedWithoutWebhook == 0 && this.redeliveredNotByKill == 0
					&& this.duplicatedAlerts == 0;
		}

		public String table() {
			List<String> rows = new ArrayList<>(List.of("| figure | value |", "|---|---|",
					"| instances (triage, notification) / partitions | " + INSTANCES + ", " + INSTANCES + " / "
							+ PARTITIONS + " |",
					"| reports offered | " + this.offered + " |", "| accepted (201) | " + this.accepted + " |",
					"| refused | " + this.refused + " |",
					"| reports without a case after drain | " + this.reportsWithoutCase + " |",
					"| cases routed | " + this.routedCases + " |",
					"| routed cases without their webhook | " + this.routedWithoutWebhook + " |",
					"| webhooks received | " + this.webhooksReceived + " |",
					"| webhook-ids received more than once | " + this.redeliveredWebhookIds + " |",
					"| … first sent before a kill (the killed sender had not recorded it: at least once) | "
							+ (this.redeliveredWebhookIds - this.redeliveredNotByKill) + " |",
					"| … any other | " + this.redeliveredNotByKill + " |",
					"| cases alerted under more than one webhook-id | " + this.duplicatedAlerts + " |",
					"| longest submission to case, whole run | " + seconds(this.longestToCase) + " |",
					"| longest submission to case, around the kill (rebalance pause) | "
							+ seconds(this.longestToCaseAroundKill) + " |",
					"| longest routing to webhook, whole run | " + seconds(this.longestToWebhook) + " |",
					"| longest routing to webhook, around the kill (rebalance pause) | "
							+ seconds(this.longestToWebhookAroundKill) + " |",
					"| submitting took | " + seconds(this.submitting) + " |",
					"| drain after the last report | " + seconds(this.drain) + " |"));
			for (Kill kill : this.kills) {
				rows.add("| killed with -9: " + String.join(", ", kill.instances()) + " | ready again after "
						+ seconds(Duration.between(kill.killed(), kill.back())) + " |");
			}
			return String.join("\n", rows);
		}

		private static String seconds(Duration duration) {
			return String.format("%.1f s", duration.toMillis() / 1000.0);
		}

	}

	private final LocalStack stack;

	private final Settings settings;

	private final DeskClient client = new DeskClient();

	/** Tracking code to submission time. */
	private final Map<String, Instant> accepted = new ConcurrentHashMap<>();

	private final AtomicInteger refused = new AtomicInteger();

	/** Case id to routing time. */
	private final Map<String, Instant> routed = new ConcurrentHashMap<>();

	private final Random random = new Random(7);

	private final AtomicInteger sequence = new AtomicInteger();

	public ScaleOutRun(LocalStack stack, Settings settings) {
		this.stack = stack;
		this.settings = settings;
	}

	/**
	 * The environment run.sh needs for this stack; the services inherit it, and all reports come from
	 * this one client, so report-service's per-client submission limit is lifted for the run.
	 */
	public static Map<String, String> environment(Path jars) {
		Map<String, String> environment = new HashMap<>(LocalStack.LOAD_GENERATOR);
		environment.putAll(Map.of("MISINFODESK_JAR_DIR", jars.toString(), "MISINFODESK_TRIAGE_INSTANCES",
				String.valueOf(INSTANCES), "MISINFODESK_NOTIFICATION_INSTANCES", String.valueOf(INSTANCES),
				"MISINFODESK_PARTITIONS", String.valueOf(PARTITIONS)));
		return Map.copyOf(environment);
	}

	/**
	 * Copies the three services' packaged jars into {@code into}, so that a rebuild of a module
	 * during the run does not pull classes out from under the running instances.
	 */
	public static Path snapshotJars(Path repository, Path into) throws IOException {
		java.nio.file.Files.createDirectories(into);
		for (String module : List.of("report-service", "triage-service", "notification-service")) {
			try (var jars = java.nio.file.Files.list(repository.resolve(module).resolve("target"))) {
				Path jar = jars.filter((f) -> f.getFileName().toString().matches(module + "-.*\\.jar"))
					.findFirst()
					.orElseThrow(() -> new IllegalStateException("No packaged jar of " + module + "; ./mvnw package first"));
				java.nio.file.Files.copy(jar, into.resolve(jar.getFileName()),
						java.nio.file.StandardCopyOption.REPLACE_EXISTING);
			}
		}
		return into;
	}

	/** The documented ports of the extra instances (run.sh: the service's port + 100 per instance). */
	public static int[] extraPorts() {
		List<Integer> ports = new ArrayList<>();
		for (int i = 2; i <= INSTANCES; i++) {
			ports.add(8082 + 100 * (i - 1));
			ports.add(8083 + 100 * (i - 1));
		}
		return ports.stream().mapToInt(Integer::intValue).toArray();
	}

	public static void main(String[] args) throws Exception {
		int reports = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
		int rate = args.length > 1 ? Integer.parseInt(args[1]) : 20;
		Path here = Path.of(System.getProperty("misinfodesk.local.dir", "deploy/local")).toAbsolutePath();
		Path jars = snapshotJars(here.resolve("../.."), here.resolve("target/scale-out-run-jars"));
		LocalStack stack = LocalStack.fresh(here.resolve("run.sh"), here.resolve("target/scale-out-run-data"),
				environment(jars), extraPorts());
		Figures figures;
		try {
			figures = new ScaleOutRun(stack, new Settings(reports, rate, Duration.ofMinutes(15))).run();
		}
		finally {
			stack.stop();
		}
		System.out.println(figures.table());
		System.exit(figures.clean() ? 0 : 1);
	}

	/** Starts the stack, runs the scenario, leaves the stack running for the caller to inspect or stop. */
	public Figures run() throws Exception {
		this.stack.start();
		try (WebhookReceiver receiver = new WebhookReceiver()) {
			this.client.expect(201, "POST", this.stack.url(8083) + "/api/v1/agencies/" + AGENCY + "/webhooks", "admin",
					Map.of("url", receiver.url("/hooks/" + AGENCY), "description", "Scale-out harness receiver"));
			AtomicBoolean submitting = new AtomicBoolean(true);
			ExecutorService workers = Executors.newFixedThreadPool(2);
			var routing = workers.submit(() -> routeUntil(submitting));
			var chaos = workers.submit(this::killOnceAndRestart);
			Instant start = Instant.now();
			submitAll();
			Instant submitted = Instant.now();
			Kill kill = chaos.get();
			submitting.set(false);
			routing.get();
			workers.shutdown();
			drain(receiver);
			return figures(receiver, List.of(kill), Duration.between(start, submitted),
					Duration.between(submitted, Instant.now()));
		}
	}

	private void submitAll() throws InterruptedException {
		ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor();
		ExecutorService senders = Executors.newFixedThreadPool(16);
		AtomicInteger sent = new AtomicInteger();
		ticks.scheduleAtFixedRate(() -> {
			if (sent.getAndIncrement() < this.settings.reports()) {
				senders.submit(this::submit);
			}
		}, 0, 1_000_000L / this.settings.perSecond(), TimeUnit.MICROSECONDS);
		while (sent.get() < this.settings.reports()) {
			TimeUnit.MILLISECONDS.sleep(100);
		}
		ticks.shutdown();
		senders.shutdown();
		senders.awaitTermination(2, TimeUnit.MINUTES);
	}

	private void submit() {
		StringBuilder content = new StringBuilder("Phản ánh mở rộng số ").append(this.sequence.incrementAndGet())
			.append(":");
		synchronized (this.random) {
			for (int i = 0; i < 40; i++) {
				content.append(' ').append(WORDS[this.random.nextInt(WORDS.length)]);
			}
			content.append(' ').append(Long.toHexString(this.random.nextLong()));
		}
		try {
			Instant at = Instant.now();
			var answer = this.client.call("POST", this.stack.url(8081) + "/api/v1/reports", null,
					Map.of("content", content.toString(), "categoryHint", "HEALTH", "platform", "FACEBOOK"));
			if (answer.status() == 201) {
				this.accepted.put(answer.text("trackingCode"), at);
			}
			else {
				this.refused.incrementAndGet();
			}
		}
		catch (IOException ex) {
			this.refused.incrementAndGet();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Kills one instance of each consumer service a third into the run, then starts them again. */
	private Kill killOnceAndRestart() throws Exception {
		TimeUnit.MILLISECONDS.sleep(Math.max(3_000L, this.settings.reports() * 1000L / this.settings.perSecond() / 3));
		Instant killed = Instant.now();
		for (String victim : VICTIMS) {
			this.stack.kill9(victim);
		}
		this.stack.start();
		return new Kill(VICTIMS, killed, Instant.now());
	}

	private Void routeUntil(AtomicBoolean submitting) throws InterruptedException {
		int emptyRounds = 0;
		while (submitting.get() || emptyRounds < 20) {
			int routedNow = routeOpenCases();
			emptyRounds = routedNow == 0 ? emptyRounds + 1 : 0;
			if (routedNow == 0) {
				TimeUnit.MILLISECONDS.sleep(500);
			}
		}
		return null;
	}

	private int routeOpenCases() throws InterruptedException {
		int count = 0;
		try {
			var open = this.client.call("GET", this.stack.url(8082) + "/api/v1/cases?status=NEW,IN_REVIEW&limit=200",
					"analyst", null);
			if (open.status() != 200) {
				return 0;
			}
			for (JsonNode item : open.body().get("items")) {
				String id = item.get("id").asString();
				if (this.client.call("POST", this.stack.url(8082) + "/api/v1/cases/" + id + "/claim", "analyst", null)
					.status() != 200) {
					continue;
				}
				Instant at = Instant.now();
				var decision = this.client.call("POST", this.stack.url(8082) + "/api/v1/cases/" + id + "/decision",
						"analyst", Map.of("verdict", "FAKE", "category", "HEALTH", "severity", "HIGH", "agencyIds",
								List.of(AGENCY), "publicNote", "Đã chuyển Sở Y tế xác minh."));
				if (decision.status() == 200) {
					this.routed.put(id, at);
					count++;
				}
			}
		}
		catch (IOException ex) {
			return 0;
		}
		return count;
	}

	/**
	 * Waits until every accepted report is FORWARDED and every routed case has its webhook, or the
	 * timeout counted from now (routing may have taken a while).
	 */
	private void drain(WebhookReceiver receiver) throws InterruptedException {
		Set<String> waiting = ConcurrentHashMap.newKeySet();
		waiting.addAll(this.accepted.keySet());
		Instant deadline = Instant.now().plus(this.settings.drainTimeout());
		while (Instant.now().isBefore(deadline)) {
			for (String code : List.copyOf(waiting)) {
				try {
					var report = this.client.call("GET", this.stack.url(8081) + "/api/v1/reports/" + code, null, null);
					if (report.status() == 200 && "FORWARDED".equals(report.text("status"))) {
						waiting.remove(code);
					}
				}
				catch (IOException ex) {
					break;
				}
			}
			if (waiting.isEmpty() && alertedCases(receiver).containsAll(this.routed.keySet())) {
				return;
			}
			routeOpenCases();
			TimeUnit.MILLISECONDS.sleep(500);
		}
	}

	private static Set<String> alertedCases(WebhookReceiver receiver) {
		Set<String> cases = new java.util.HashSet<>();
		receiver.received().forEach((r) -> cases.add(caseOf(r.body())));
		return cases;
	}

	private static String caseOf(String body) {
		return DeskClient.parse(body).get("data").get("caseId").asString();
	}

	private Figures figures(WebhookReceiver receiver, List<Kill> kills, Duration submitting, Duration drain)
			throws IOException, InterruptedException {
		int withoutCase = 0;
		Duration toCase = Duration.ZERO;
		Duration toCaseAroundKill = Duration.ZERO;
		for (var entry : this.accepted.entrySet()) {
			var report = this.client.call("GET", this.stack.url(8081) + "/api/v1/reports/" + entry.getKey(), null, null);
			Instant inReview = null;
			if (report.status() == 200) {
				for (JsonNode step : report.body().get("history")) {
					if ("IN_REVIEW".equals(step.get("status").asString())) {
						inReview = OffsetDateTime.parse(step.get("at").asString()).toInstant();
					}
				}
			}
			if (inReview == null) {
				withoutCase++;
				continue;
			}
			Duration took = Duration.between(entry.getValue(), inReview);
			toCase = max(toCase, took);
			if (around(kills, entry.getValue())) {
				toCaseAroundKill = max(toCaseAroundKill, took);
			}
		}

		Map<String, Integer> timesById = new HashMap<>();
		Map<String, Instant> firstSentById = new HashMap<>();
		Map<String, Set<String>> idsByCase = new HashMap<>();
		Map<String, Instant> firstAlert = new HashMap<>();
		for (var received : receiver.received()) {
			String id = received.header("webhook-id");
			String caseId = caseOf(received.body());
			timesById.merge(id, 1, Integer::sum);
			idsByCase.computeIfAbsent(caseId, (k) -> ConcurrentHashMap.newKeySet()).add(id);
			Instant sent = Instant.ofEpochSecond(Long.parseLong(received.header("webhook-timestamp")));
			firstAlert.merge(caseId, sent, (a, b) -> a.isBefore(b) ? a : b);
			firstSentById.merge(id, sent, (a, b) -> a.isBefore(b) ? a : b);
		}
		Duration toWebhook = Duration.ZERO;
		Duration toWebhookAroundKill = Duration.ZERO;
		int withoutWebhook = 0;
		for (var entry : this.routed.entrySet()) {
			Instant alerted = firstAlert.get(entry.getKey());
			if (alerted == null) {
				withoutWebhook++;
				continue;
			}
			// webhook-timestamp has whole seconds: the routing time is truncated alike.
			Duration took = Duration.between(entry.getValue().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), alerted);
			toWebhook = max(toWebhook, took);
			if (around(kills, entry.getValue())) {
				toWebhookAroundKill = max(toWebhookAroundKill, took);
			}
		}
		int redelivered = (int) timesById.values().stream().filter((n) -> n > 1).count();
		// a sender killed between the agency's answer and recording it leaves the delivery to be sent
		// again, with the same webhook-id, after its lease (at least once: receivers deduplicate on it);
		// webhook-timestamp has whole seconds
		int redeliveredNotByKill = (int) timesById.entrySet()
			.stream()
			.filter((sent) -> sent.getValue() > 1)
			.filter((sent) -> kills.stream()
				.noneMatch((kill) -> !firstSentById.get(sent.getKey()).isAfter(kill.killed().plusSeconds(1))))
			.count();
		int duplicatedAlerts = idsByCase.values().stream().mapToInt((ids) -> ids.size() - 1).sum();
		return new Figures(this.settings.reports(), this.accepted.size(), this.refused.get(), withoutCase,
				this.routed.size(), withoutWebhook, receiver.received().size(), redelivered, redeliveredNotByKill,
				duplicatedAlerts, toCase,
				toCaseAroundKill, toWebhook, toWebhookAroundKill, submitting, drain, Collections.unmodifiableList(kills));
	}

	private static boolean around(List<Kill> kills, Instant at) {
		return kills.stream()
			.anyMatch((kill) -> !at.isBefore(kill.killed().minus(AROUND)) && !at.isAfter(kill.back().plus(AROUND)));
	}

	private static Duration max(Duration a, Duration b) {
		return a.compareTo(b) >= 0 ? a : b;
	}

}
