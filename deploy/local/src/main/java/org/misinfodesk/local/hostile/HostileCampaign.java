package org.misinfodesk.local.hostile;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.misinfodesk.local.fault.DeskClient;
import org.misinfodesk.local.fault.LocalStack;
import tools.jackson.databind.JsonNode;

/**
 * Throws malformed, oversized and malicious input at every operation the three services document
 * in OpenAPI, as anonymous, wrong and right users, and checks that every answer is a success or a
 * {@code 4xx} problem+json, never a {@code 5xx}, and that no refused report was stored.
 *
 * <p>{@code deploy/local/hostile-test.sh [inputs]}; exits non-zero on any violation.
 */
public final class HostileCampaign {

	private static final Map<String, String> VALID_BODIES = Map.of("/api/v1/reports",
			"{\"content\":\"x\",\"sourceUrl\":\"https://example.org/a?utm_source=x\",\"platform\":\"FACEBOOK\",\"categoryHint\":\"HEALTH\"}",
			"/decision",
			"{\"verdict\":\"FAKE\",\"category\":\"HEALTH\",\"severity\":\"HIGH\",\"agencyIds\":[\"so-y-te\"],\"publicNote\":\"x\"}",
			"/webhooks", "{\"url\":\"http://127.0.0.1:9/hook\",\"description\":\"x\"}");

	private static final List<String> CONTENT_TYPES = List.of("application/json", "application/json",
			"application/json", "application/json", "application/json", "application/json", "text/plain",
			"application/xml", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded");

	/** One service of the stack: where it is and who may use its staff endpoints. */
	public record Target(String service, String baseUrl, String user) {
	}

	record Operation(Target target, String method, String path) {
	}

	/** What the campaign saw. */
	public record Result(int tried, Map<String, Long> byKind, Map<Integer, Long> statuses, int accepted,
			int rejectedByCodec, List<String> violations, long reportsStored, long reportsAccepted) {

		public boolean clean() {
			return this.violations.isEmpty() && this.reportsStored == this.reportsAccepted;
		}

		public String table() {
			StringBuilder out = new StringBuilder("| figure | value |\n|---|---|\n");
			out.append("| inputs tried | ").append(this.tried).append(" |\n");
			this.byKind.forEach((kind, n) -> out.append("| … ").append(kind).append(" | ").append(n).append(" |\n"));
			this.statuses.forEach((status, n) -> out.append("| status ").append(status).append(" | ").append(n)
				.append(" |\n"));
			out.append("| 5xx | ").append(this.statuses.entrySet().stream().filter((e) -> e.getKey() >= 500)
				.mapToLong(Map.Entry::getValue).sum()).append(" |\n");
			out.append("| accepted (2xx/3xx: valid after all, stored as text) | ").append(this.accepted).append(" |\n");
			out.append("| refused by the HTTP codec before the application (413/414/431, no body) | ")
				.append(this.rejectedByCodec).append(" |\n");
			out.append("| reports accepted / reports stored | ").append(this.reportsAccepted).append(" / ")
				.append(this.reportsStored).append(" |\n");
			out.append("| violations (5xx, or 4xx without problem+json) | ").append(this.violations.size()).append(" |");
			return out.toString();
		}

	}

	private final List<Target> targets;

	private final String storeUri;

	private final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(5))
		.version(HttpClient.Version.HTTP_1_1)
		.build();

	private final DeskClient client = new DeskClient();

	public HostileCampaign(List<Target> targets, String storeUri) {
		this.targets = targets;
		this.storeUri = storeUri;
	}

	/** The three services of a running local stack. */
	public static HostileCampaign against(LocalStack stack) {
		return new HostileCampaign(
				List.of(new Target("report-service", stack.url(8081), "analyst"),
						new Target("triage-service", stack.url(8082), "analyst"),
						new Target("notification-service", stack.url(8083), "admin")),
				"mongodb://127.0.0.1:" + stack.port(27017));
	}

	public static void main(String[] args) throws Exception {
		int inputs = args.length > 0 ? Integer.parseInt(args[0]) : 12_000;
		Path here = Path.of(System.getProperty("misinfodesk.local.dir", "deploy/local")).toAbsolutePath();
		LocalStack stack = LocalStack.fresh(here.resolve("run.sh"), here.resolve("target/hostile-run-data"));
		Result result;
		try {
			stack.start();
			result = against(stack).run(inputs, 7);
		}
		finally {
			stack.stop();
		}
		System.out.println(result.table());
		result.violations().stream().limit(50).forEach(System.out::println);
		System.exit(result.clean() ? 0 : 1);
	}

	public Result run(int inputs, long seed) throws Exception {
		List<Operation> operations = discover();
		long reportsBefore = storedReports();
		Map<String, LongAdder> byKind = new ConcurrentHashMap<>();
		Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
		List<String> violations = new CopyOnWriteArrayList<>();
		AtomicInteger accepted = new AtomicInteger();
		AtomicInteger codec = new AtomicInteger();
		AtomicInteger reportsAccepted = new AtomicInteger();
		AtomicInteger sent = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(8);
		for (int i = 0; i < inputs; i++) {
			Random random = new Random(seed * 1_000_003 + i);
			Operation operation = operations.get(random.nextInt(operations.size()));
			pool.submit(() -> {
				Attempt attempt = attempt(operation, random);
				byKind.computeIfAbsent(attempt.kind(), (k) -> new LongAdder()).increment();
				try {
					sent.incrementAndGet();
					HttpResponse<String> response = this.http.send(attempt.request(),
							HttpResponse.BodyHandlers.ofString());
					int status = response.statusCode();
					statuses.computeIfAbsent(status, (s) -> new LongAdder()).increment();
					String type = response.headers().firstValue("Content-Type").orElse("");
					if (status < 400) {
						accepted.incrementAndGet();
						if (status == 201 && attempt.request().uri().getPath().equals("/api/v1/reports")
								&& attempt.request().method().equals("POST")) {
							reportsAccepted.incrementAndGet();
						}
					}
					else if (status >= 500) {
						violations.add(describe(attempt, status, response.body()));
					}
					else if (!type.startsWith("application/problem+json")) {
						if ((status == 413 || status == 414 || status == 431) && response.body().isEmpty()) {
							codec.incrementAndGet();
						}
						else {
							violations.add(describe(attempt, status, type + " " + response.body()));
						}
					}
				}
				catch (IOException ex) {
					// The server closing an oversized request early is a refusal, not an answer we can read.
					codec.incrementAndGet();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			});
		}
		pool.shutdown();
		pool.awaitTermination(30, TimeUnit.MINUTES);
		violations.addAll(escapingViolations());
		long stored = storedReports() - reportsBefore;
		if (sent.get() != inputs) {
			throw new IllegalStateException("Only " + sent.get() + " of " + inputs + " inputs could be sent");
		}
		return new Result(inputs, sorted(byKind), sortedStatuses(statuses), accepted.get(), codec.get(),
				List.copyOf(violations), stored, reportsAccepted.get());
	}

	private record Attempt(String kind, HttpRequest request) {
	}

	private Attempt attempt(Operation operation, Random random) {
		String path = fillPath(operation.path(), random);
		String method = random.nextInt(10) == 0 ? List.of("PUT", "PATCH", "DELETE").get(random.nextInt(3))
				: operation.method();
		String kind;
		byte[] body;
		if (method.equals("GET") || method.equals("DELETE")) {
			kind = "hostile path and query";
			path = path + "?status=" + uriSafe(pick(Inputs.HOSTILE_TEXT, random)) + "&limit="
					+ uriSafe(pick(Inputs.HOSTILE_TEXT, random)) + "&caseId=" + uriSafe(pick(Inputs.HOSTILE_TEXT, random))
					+ "&topic=" + uriSafe(pick(Inputs.HOSTILE_TEXT, random));
			body = new byte[0];
		}
		else {
			Inputs input = Inputs.values()[random.nextInt(Inputs.values().length)];
			kind = input.name().toLowerCase().replace('_', ' ');
			body = input.body(validBody(operation.path()), random);
		}
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(operation.target().baseUrl() + path))
			.timeout(Duration.ofSeconds(30))
			.header("Accept", random.nextInt(10) == 0 ? "text/html" : "application/json")
			.header("Content-Type", pick(CONTENT_TYPES, random))
			.method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofByteArray(body));
		int who = random.nextInt(10);
		if (who < 7) {
			request.header("Authorization", basic(operation.target().user(), operation.target().user()));
		}
		else if (who < 9) {
			request.header("Authorization", basic(operation.target().user(), "wrong-password"));
		}
		if (random.nextInt(20) == 0) {
			kind = "huge header";
			request.header("X-Filler", "x".repeat(20_000 + random.nextInt(50_000)));
		}
		if (random.nextInt(10) == 0) {
			request.header("Accept-Language", pick(Inputs.HOSTILE_TEXT, random));
		}
		return new Attempt(kind, request.build());
	}

	List<Operation> discover() throws IOException, InterruptedException {
		List<Operation> operations = new ArrayList<>();
		for (Target target : this.targets) {
			JsonNode paths = DeskClient.parse(this.client.get(target.baseUrl() + "/v3/api-docs")).get("paths");
			for (var path : paths.properties()) {
				for (var method : path.getValue().properties()) {
					String verb = method.getKey().toUpperCase();
					if (List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(verb)
							&& !path.getKey().endsWith("/stream")) {
						operations.add(new Operation(target, verb, path.getKey()));
					}
				}
			}
		}
		if (operations.isEmpty()) {
			throw new IllegalStateException("No operations documented by " + this.targets);
		}
		return operations;
	}

	/** Typed HTML comes back escaped when the citizen form is shown again with errors. */
	private List<String> escapingViolations() throws IOException, InterruptedException {
		String payload = "<script>alert('xss')</script>";
		String form = "content=" + URLEncoder.encode(payload, StandardCharsets.UTF_8) + "&sourceUrl="
				+ URLEncoder.encode("not a link <b>", StandardCharsets.UTF_8);
		HttpResponse<String> page = this.http.send(HttpRequest.newBuilder(URI.create(this.targets.get(0).baseUrl() + "/reports"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		return page.body().contains(payload) ? List.of("citizen form echoes unescaped HTML (" + page.statusCode() + ")")
				: List.of();
	}

	private long storedReports() {
		try (MongoClient mongo = MongoClients.create(this.storeUri)) {
			return mongo.getDatabase("reports").getCollection("reports").countDocuments();
		}
	}

	private static String validBody(String path) {
		return VALID_BODIES.entrySet()
			.stream()
			.filter((e) -> path.endsWith(e.getKey()))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElse("{\"content\":\"x\",\"note\":\"x\"}");
	}

	private static String fillPath(String template, Random random) {
		String value = random.nextBoolean() ? pick(Inputs.HOSTILE_TEXT, random) : "c-" + Long.toHexString(random.nextLong());
		return template.replaceAll("\\{[^}]+}", uriSafe(value));
	}

	/**
	 * Hostile text as it can travel in a request line: characters a URI cannot hold are escaped, and so
	 * is a {@code %} that starts no escape (the server then sees it literally).
	 */
	private static String uriSafe(String text) {
		return text.replaceAll("%(?![0-9A-Fa-f]{2})", "%25")
			.replace(" ", "%20").replace("'", "%27").replace("\"", "%22").replace("<", "%3C").replace(">", "%3E");
	}

	private static String describe(Attempt attempt, int status, String body) {
		return attempt.request().method() + " " + attempt.request().uri().getPath() + " [" + attempt.kind() + "] → "
				+ status + " " + body.substring(0, Math.min(300, body.length()));
	}

	private static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	private static <T> T pick(List<T> values, Random random) {
		return values.get(random.nextInt(values.size()));
	}

	private static Map<String, Long> sorted(Map<String, LongAdder> counts) {
		Map<String, Long> sorted = new TreeMap<>();
		counts.forEach((k, v) -> sorted.put(k, v.sum()));
		return sorted;
	}

	private static Map<Integer, Long> sortedStatuses(Map<Integer, LongAdder> counts) {
		Map<Integer, Long> sorted = new TreeMap<>();
		counts.forEach((k, v) -> sorted.put(k, v.sum()));
		return sorted;
	}

}
