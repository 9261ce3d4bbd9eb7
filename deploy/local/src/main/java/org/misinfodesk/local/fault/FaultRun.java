package org.misinfodesk.local.fault;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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

import tools.jackson.databind.JsonNode;

/**
 * Submits reports to the local stack at a steady rate, routes every case to an agency whose webhook
 * points here, and meanwhile kills each service and the broker once with SIGKILL and starts them
 * again. Then it waits for the system to drain and counts: every accepted report stored, forwarded,
 * its case alerted exactly once (distinct {@code webhook-id}s per case).
 *
 * <p>{@code deploy/local/fault-test.sh [reports] [rate]}; exits non-zero unless nothing was lost or
 * duplicated.
 */
public final class FaultRun {

	static final String AGENCY = "so-y-te";

	static final List<String> VICTIMS = List.of("report-service", "triage-service", "notification-service", "broker");

	private static final String[] WORDS = ("tin đồn bài đăng mạng xã hội nói rằng uống nước lá ổi chanh gừng tỏi "
			+ "chữa khỏi bệnh sốt xuất huyết cúm ung thư trong ba ngày không cần đến bệnh viện trạm y tế "
			+ "ngân hàng sập tiền gửi mất trắng rút ngay vàng giá tăng gấp đôi lừa đảo đường link trúng thưởng "
			+ "mạo danh công an gọi điện yêu cầu chuyển khoản bão lũ vỡ đê sơ tán khẩn cấp phường xã huyện tỉnh "
			+ "trường học nghỉ dịch bệnh vaccine gây vô sinh thực phẩm bẩn chợ siêu thị điện nước cắt")
		.split(" ");

	/** What to run: how many reports, how fast, how long to wait for the system to drain. */
	public record Settings(int reports, int perSecond, Duration drainTimeout) {
	}

	/** What the run saw. */
	public record Figures(int offered, int accepted, int refused, int lost, int notForwarded, int casesAlerted,
			int reportsCovered, int missingAlerts, int duplicated, Duration submitting, Duration drain,
			List<String> kills) {

		public boolean clean() {
			return this.lost == 0 && this.notForwarded == 0 && this.missingAlerts == 0 && this.duplicated == 0;
		}

		public String table() {
			return String.join("\n", "| figure | value |", "|---|---|", "| reports offered | " + this.offered + " |",
					"| accepted (201) | " + this.accepted + " |",
					"| refused (service down or killed mid-request) | " + this.refused + " |",
					"| lost (accepted, not stored) | " + this.lost + " |",
					"| not FORWARDED after drain | " + this.notForwarded + " |",
					"| cases alerted by webhook | " + this.casesAlerted + " |",
					"| reports covered by those alerts | " + this.reportsCovered + " |",
					"| missing alerts (reports) | " + this.missingAlerts + " |",
					"| duplicated alerts (extra distinct webhook-id per case) | " + this.duplicated + " |",
					"| submitting took | " + seconds(this.submitting) + " |",
					"| time to drain after the last report | " + seconds(this.drain) + " |",
					"| killed with -9 and restarted | " + String.join(", ", this.kills) + " |");
		}

		private static String seconds(Duration duration) {
			return String.format("%.1f s", duration.toMillis() / 1000.0);
		}

	}

	private final LocalStack stack;

	private final Settings settings;

	private final DeskClient client = new DeskClient();

	private final Map<String, String> accepted = new ConcurrentHashMap<>();

	private final AtomicInteger refused = new AtomicInteger();

	private final Set<String> routed = ConcurrentHashMap.newKeySet();

	private final Random random = new Random(42);

	public FaultRun(LocalStack stack, Settings settings) {
		this.stack = stack;
		this.settings = settings;
	}

	public static void main(String[] args) throws Exception {
		int reports = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
		int rate = args.length > 1 ? Integer.parseInt(args[1]) : 50;
		Path here = Path.of(System.getProperty("misinfodesk.local.dir", "deploy/local")).toAbsolutePath();
		LocalStack stack = LocalStack.fresh(here.resolve("run.sh"), here.resolve("target/fault-run-data"),
				LocalStack.LOAD_GENERATOR);
		Figures figures;
		try {
			figures = new FaultRun(stack, new Settings(reports, rate, Duration.ofMinutes(15))).run();
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
					Map.of("url", receiver.url("/hooks/" + AGENCY), "description", "Fault harness receiver"));

			AtomicBoolean submitting = new AtomicBoolean(true);
			ExecutorService workers = Executors.newFixedThreadPool(3);
			var routing = workers.submit(() -> routeUntil(submitting));
			var chaos = workers.submit(this::killEachOnce);
			Instant start = Instant.now();
			submitAll();
			Instant submitted = Instant.now();
			List<String> killed = chaos.get();
			submitting.set(false);
			routing.get();
			workers.shutdown();

			Drained drained = drain(receiver);
			return figures(receiver, drained, Duration.between(start, submitted),
					Duration.between(submitted, Instant.now()), killed);
		}
	}

	private void submitAll() throws InterruptedException {
		ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor();
		ExecutorService senders = Executors.newFixedThreadPool(16);
		AtomicInteger sent = new AtomicInteger();
		long periodMicros = 1_000_000L / this.settings.perSecond();
		ticks.scheduleAtFixedRate(() -> {
			if (sent.getAndIncrement() < this.settings.reports()) {
				String content = content();
				senders.submit(() -> submit(content));
			}
		}, 0, periodMicros, TimeUnit.MICROSECONDS);
		while (sent.get() < this.settings.reports()) {
			TimeUnit.MILLISECONDS.sleep(100);
		}
		ticks.shutdown();
		senders.shutdown();
		senders.awaitTermination(2, TimeUnit.MINUTES);
	}

	private synchronized String content() {
		StringBuilder text = new StringBuilder("Phản ánh số ").append(this.accepted.size() + this.refused.get())
			.append(":");
		for (int i = 0; i < 40; i++) {
			text.append(' ').append(WORDS[this.random.nextInt(WORDS.length)]);
		}
		return text.append(' ').append(Long.toHexString(this.random.nextLong())).toString();
	}

	private void submit(String content) {
		try {
			var answer = this.client.call("POST", this.stack.url(8081) + "/api/v1/reports", null,
					Map.of("content", content, "categoryHint", "HEALTH", "platform", "FACEBOOK"));
			if (answer.status() == 201) {
				this.accepted.put(answer.text("trackingCode"), answer.text("id"));
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

	/** The analyst: claims and routes every open case, until submitting ended and the queue stays empty. */
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
				var claim = this.client.call("POST", this.stack.url(8082) + "/api/v1/cases/" + id + "/claim", "analyst",
						null);
				if (claim.status() != 200) {
					continue;
				}
				var decision = this.client.call("POST", this.stack.url(8082) + "/api/v1/cases/" + id + "/decision",
						"analyst", Map.of("verdict", "FAKE", "category", "HEALTH", "severity", "HIGH", "agencyIds",
								List.of(AGENCY), "publicNote", "Đã chuyển Sở Y tế xác minh."));
				if (decision.status() == 200) {
					this.routed.add(id);
					count++;
				}
			}
		}
		catch (IOException ex) {
			return 0;
		}
		return count;
	}

	private List<String> killEachOnce() throws Exception {
		List<String> killed = new ArrayList<>();
		long pause = Math.max(2_000L, this.settings.reports() * 1000L / this.settings.perSecond() / (VICTIMS.size() + 1));
		for (String victim : VICTIMS) {
			TimeUnit.MILLISECONDS.sleep(pause);
			this.stack.kill9(victim);
			this.stack.start();
			killed.add(victim);
		}
		return killed;
	}

	private record Drained(int lost, int notForwarded) {
	}

	/**
	 * Waits until every accepted report is FORWARDED and covered by an alert, or the drain timeout,
	 * counted from now; every report is looked at at least once, however long routing took.
	 */
	private Drained drain(WebhookReceiver receiver) throws InterruptedException {
		Set<String> waiting = ConcurrentHashMap.newKeySet();
		waiting.addAll(this.accepted.keySet());
		Set<String> lost = ConcurrentHashMap.newKeySet();
		Instant deadline = Instant.now().plus(this.settings.drainTimeout());
		do {
			for (String code : List.copyOf(waiting)) {
				try {
					var report = this.client.call("GET", this.stack.url(8081) + "/api/v1/reports/" + code, null, null);
					if (report.status() == 404) {
						lost.add(code);
						waiting.remove(code);
					}
					else if (report.status() == 200 && "FORWARDED".equals(report.text("status"))) {
						waiting.remove(code);
					}
				}
				catch (IOException ex) {
					break;
				}
			}
			if (waiting.isEmpty() && coveredReports(receiver) >= this.accepted.size() - lost.size()) {
				break;
			}
			routeOpenCases();
			TimeUnit.MILLISECONDS.sleep(500);
		}
		while (Instant.now().isBefore(deadline));
		return new Drained(lost.size(), waiting.size());
	}

	private static int coveredReports(WebhookReceiver receiver) {
		Map<String, Integer> countByCase = new ConcurrentHashMap<>();
		for (var received : receiver.received()) {
			JsonNode data = DeskClient.parse(received.body()).get("data");
			countByCase.put(data.get("caseId").asString(), data.get("reportCount").asInt());
		}
		return countByCase.values().stream().mapToInt(Integer::intValue).sum();
	}

	private Figures figures(WebhookReceiver receiver, Drained drained, Duration submitting, Duration drain,
			List<String> killed) {
		int lost = drained.lost();
		Map<String, Set<String>> idsByCase = receiver
			.webhookIdsBy((body) -> DeskClient.parse(body).get("data").get("caseId").asString());
		int duplicated = idsByCase.values().stream().mapToInt((ids) -> ids.size() - 1).sum();
		int covered = coveredReports(receiver);
		int missing = Math.max(0, this.accepted.size() - lost - covered);
		return new Figures(this.settings.reports(), this.accepted.size(), this.refused.get(), lost,
				drained.notForwarded(), idsByCase.size(), covered, missing, duplicated, submitting, drain, killed);
	}

}
