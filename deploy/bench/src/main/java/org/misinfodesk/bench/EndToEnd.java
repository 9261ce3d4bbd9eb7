package org.misinfodesk.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Histogram;
import org.misinfodesk.bench.load.HttpSender;
import org.misinfodesk.bench.load.OpenLoop;
import org.misinfodesk.bench.load.ReportBodies;
import org.misinfodesk.bench.load.StepResult;
import org.misinfodesk.bench.load.Ticker;
import org.misinfodesk.local.fault.DeskClient;
import org.misinfodesk.local.fault.LocalStack;
import org.misinfodesk.local.fault.WebhookReceiver;

/**
 * The citizen's click to the analyst's screen, and the analyst's decision to the agency's webhook, at a
 * fixed offered rate. Reports are offered open loop; a case counts as visible when triage's server-sent
 * event stream ({@code GET /api/v1/cases/stream}, as an analyst) first names it. Every {@code decideEvery}-th
 * case is claimed and decided (routed to one agency) as soon as it is visible; the webhook counts as arrived
 * when the local receiver has it (its list is watched every millisecond).
 */
final class EndToEnd {

	static final String AGENCY = "so-y-te";

	private static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(5);

	private final LocalStack stack;

	private final WebhookReceiver receiver;

	private final DeskClient desk = new DeskClient();

	/** What the run saw. */
	record Result(StepResult submitted, Histogram visible, int notVisible, Histogram webhook, int decided,
			int noWebhook, int decisionsFailed) {

		double visibleMillis(double percentile) {
			return millis(this.visible, percentile);
		}

		double webhookMillis(double percentile) {
			return millis(this.webhook, percentile);
		}

		private static double millis(Histogram h, double percentile) {
			return (h.getTotalCount() == 0) ? Double.NaN : h.getValueAtPercentile(percentile) / 1000.0;
		}

	}

	EndToEnd(LocalStack stack, WebhookReceiver receiver) {
		this.stack = stack;
		this.receiver = receiver;
	}

	Result run(String label, int rate, Duration duration, int decideEvery) throws Exception {
		Map<String, Long> acceptedAt = new ConcurrentHashMap<>();
		Map<String, Long> visibleAt = new ConcurrentHashMap<>();
		Map<String, Long> decidedAt = new ConcurrentHashMap<>();
		Map<String, Long> hookedAt = new ConcurrentHashMap<>();
		BlockingQueue<String> toDecide = new LinkedBlockingQueue<>();
		AtomicBoolean running = new AtomicBoolean(true);
		AtomicInteger decisionsFailed = new AtomicInteger();
		ExecutorService threads = Executors.newFixedThreadPool(6);
		CountDownLatch listening = new CountDownLatch(1);
		threads.submit(() -> followStream(visibleAt, listening, running));
		threads.submit(() -> watchWebhooks(hookedAt, running));
		for (int i = 0; i < 3; i++) {
			threads.submit(() -> decide(toDecide, visibleAt, decidedAt, decisionsFailed, running));
		}
		if (!listening.await(30, TimeUnit.SECONDS)) {
			throw new IllegalStateException("triage's case stream did not answer in 30 s");
		}
		ReportBodies bodies = new ReportBodies(label.hashCode(), label);
		StepResult submitted;
		try (HttpSender sender = new HttpSender(this.stack.url(8081) + "/api/v1/reports", 256, bodies::next, 201,
				(sequence, body) -> {
					long now = System.nanoTime();
					String caseId = "c-" + DeskClient.parse(body).get("id").asString();
					acceptedAt.put(caseId, now);
					if (sequence % decideEvery == 0) {
						toDecide.add(caseId);
					}
				})) {
			submitted = new OpenLoop(Ticker.SYSTEM, Processes::ownCpuSeconds).run(rate, duration, Duration.ofSeconds(30),
					sender);
		}
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
		while (System.nanoTime() < deadline && (!visibleAt.keySet().containsAll(acceptedAt.keySet())
				|| !toDecide.isEmpty() || !hookedAt.keySet().containsAll(decidedAt.keySet()))) {
			TimeUnit.MILLISECONDS.sleep(200);
		}
		running.set(false);
		threads.shutdownNow();
		threads.awaitTermination(30, TimeUnit.SECONDS);

		long ended = System.nanoTime();
		Histogram visible = new Histogram(HIGHEST_MICROS, 3);
		int notVisible = between(acceptedAt, visibleAt, visible, ended);
		Histogram webhook = new Histogram(HIGHEST_MICROS, 3);
		int noWebhook = between(decidedAt, hookedAt, webhook, ended);
		return new Result(submitted, visible, notVisible, webhook, decidedAt.size(), noWebhook, decisionsFailed.get());
	}

	/**
	 * Records {@code to - from} per key; a key that never reached {@code to} counts as reaching it when
	 * the run ended (a lower bound, so that the percentiles do not leave the slowest out). Returns how many
	 * never reached it.
	 */
	private static int between(Map<String, Long> from, Map<String, Long> to, Histogram into, long ended) {
		int missing = 0;
		for (var entry : from.entrySet()) {
			Long reached = to.get(entry.getKey());
			if (reached == null) {
				missing++;
				reached = ended;
			}
			into.recordValue(Math.min(HIGHEST_MICROS, Math.max(0, (reached - entry.getValue()) / 1000)));
		}
		return missing;
	}

	private Void followStream(Map<String, Long> visibleAt, CountDownLatch listening, AtomicBoolean running)
			throws IOException, InterruptedException {
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.stack.url(8082) + "/api/v1/cases/stream"))
			.header("Accept", "text/event-stream")
			.header("Authorization", basic("analyst"))
			.GET()
			.build();
		HttpResponse<java.util.stream.Stream<String>> response = http.send(request,
				HttpResponse.BodyHandlers.ofLines());
		try (var lines = response.body()) {
			var it = lines.iterator();
			while (running.get() && it.hasNext()) {
				String line = it.next();
				listening.countDown();
				if (line.startsWith("data:")) {
					long now = System.nanoTime();
					String id = DeskClient.parse(line.substring(5)).get("id").asString();
					visibleAt.putIfAbsent(id, now);
				}
			}
		}
		return null;
	}

	private Void watchWebhooks(Map<String, Long> hookedAt, AtomicBoolean running) {
		int seen = 0;
		while (running.get()) {
			List<WebhookReceiver.Received> received = this.receiver.received();
			if (received.size() > seen) {
				long now = System.nanoTime();
				for (WebhookReceiver.Received r : received.subList(seen, received.size())) {
					hookedAt.putIfAbsent(DeskClient.parse(r.body()).get("data").get("caseId").asString(), now);
				}
				seen = received.size();
			}
			LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
		}
		return null;
	}

	private Void decide(BlockingQueue<String> toDecide, Map<String, Long> visibleAt, Map<String, Long> decidedAt,
			AtomicInteger failed, AtomicBoolean running) throws InterruptedException {
		String triage = this.stack.url(8082) + "/api/v1/cases/";
		while (running.get()) {
			String caseId = toDecide.poll(100, TimeUnit.MILLISECONDS);
			if (caseId == null) {
				continue;
			}
			long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
			while (!visibleAt.containsKey(caseId) && System.nanoTime() < waitUntil) {
				TimeUnit.MILLISECONDS.sleep(2);
			}
			try {
				var claim = this.desk.call("POST", triage + caseId + "/claim", "analyst", null);
				var decision = (claim.status() == 200) ? this.desk.call("POST", triage + caseId + "/decision", "analyst",
						Map.of("verdict", "FAKE", "category", "HEALTH", "severity", "HIGH", "agencyIds", List.of(AGENCY),
								"publicNote", "Đã chuyển Sở Y tế xác minh."))
						: claim;
				if (decision.status() == 200) {
					decidedAt.put(caseId, System.nanoTime());
				}
				else {
					failed.incrementAndGet();
				}
			}
			catch (IOException ex) {
				failed.incrementAndGet();
			}
		}
		return null;
	}

	static String basic(String user) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
	}

}
