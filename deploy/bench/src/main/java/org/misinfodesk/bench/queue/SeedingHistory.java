package org.misinfodesk.bench.queue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.InsertManyOptions;
import org.bson.Document;

/**
 * Writes a history of cases straight into triage's database, in the shape triage's Spring Data mapping
 * reads back ({@code Case} and its nested records): mostly closed and resolved cases spread over the last
 * year, and a few thousand open ones (new, in review, routed) with their entries in the queue's read model
 * {@code live_cases} (each with the case's version and its queue line). The dashboard's counters and
 * response times are written for them too, as triage would have kept them (per month: each day's counts,
 * each day's response times and the month's response-time buckets), so that the dashboard reads a year of
 * figures. Bulk inserts through the MongoDB driver, two writers at once.
 *
 * @param history closed and resolved cases
 * @param open cases still open (about 80 % new, 5 % in review, 15 % routed)
 */
public record SeedingHistory(int history, int open) {

	static final String CASES = "cases";

	static final String LIVE_CASES = "live_cases";

	static final String COUNTERS = "dashboard_monthly_counters";

	static final String RESPONSES = "dashboard_monthly_response_times";

	static final ZoneId DASHBOARD_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

	static final String[] AGENCIES = { "so-y-te", "cong-an-tinh", "so-vhttdl", "so-tai-chinh",
			"ubnd-phuong-phu-ly" };

	static final String[] AGENCY_NAMES = { "Sở Y tế tỉnh Hà Nam", "Công an tỉnh Hà Nam",
			"Sở Văn hóa, Thể thao và Du lịch tỉnh Hà Nam", "Sở Tài chính tỉnh Hà Nam", "Ủy ban nhân dân phường Phủ Lý" };

	static final String[] CATEGORIES = { "HEALTH", "SCAM", "ECONOMY_FINANCE", "DISASTER_EPIDEMIC",
			"SECURITY_ORDER", "IMPERSONATION", "POLICY_LAW", "OTHER" };

	static final String[] LOCALITIES = { "HNA-PHU-LY", "HNA-PHU-VAN", "HNA-CHAU-SON", "HNA-LIEM-TUYEN",
			"HNA-DUY-TIEN", "HNA-DONG-VAN", "HNA-KIM-BANG", "HNA-TAM-CHUC", "HNA-BINH-LUC", "HNA-THANH-LIEM",
			"HNA-LY-NHAN", "HNA-NAM-XANG", "HNI-HOAN-KIEM", "HNI-BA-DINH", "HNI-CUA-NAM", "HNI-SOC-SON" };

	static final String[] WORDS = ("tin đồn bài đăng mạng xã hội nói rằng uống nước lá ổi chanh gừng tỏi chữa "
			+ "khỏi bệnh sốt xuất huyết cúm ung thư ngân hàng sập tiền gửi mất trắng vàng giá tăng lừa đảo trúng "
			+ "thưởng mạo danh công an chuyển khoản bão lũ vỡ đê sơ tán phường xã trường học vaccine thực phẩm bẩn")
		.split(" ");

	private static final int BATCH = 1000;

	private static final int HASHES = 128;

	/**
	 * What seeding wrote and how long it took.
	 *
	 * @param cases the cases written
	 * @param planned the cases it was asked for (more than {@code cases} when the budget ran out)
	 * @param casesTook writing the cases
	 * @param counters the dashboard's counter documents (one per month, dimension and value)
	 * @param responseDocuments the dashboard's response-time documents (one per month, agency and kind)
	 * @param took everything: cases, read model entries, counters and response times
	 */
	public record Seeded(long cases, long planned, long liveEntries, long counters, long responseDocuments,
			Duration casesTook, Duration took) {

		public double casesPerSecond() {
			return this.cases / Math.max(0.001, this.casesTook.toMillis() / 1000.0);
		}

		public boolean complete() {
			return this.cases == this.planned;
		}

	}

	/**
	 * Writes the open cases first, then the history until it is all written or {@code budget} has passed
	 * (a zero budget waits for all of it).
	 */
	public Seeded seed(String mongoUri, String database, Instant now, Duration budget) throws Exception {
		long started = System.nanoTime();
		long stopAt = budget.isZero() ? Long.MAX_VALUE : started + budget.toNanos();
		Tallies tallies = new Tallies();
		try (MongoClient client = MongoClients.create(mongoUri)) {
			MongoDatabase db = client.getDatabase(database);
			MongoCollection<Document> cases = db.getCollection(CASES);
			ExecutorService writers = Executors.newFixedThreadPool(2);
			List<Future<?>> pending = new ArrayList<>();
			SplittableRandom random = new SplittableRandom(7);
			List<Document> batch = new ArrayList<>(BATCH);
			List<Document> live = new ArrayList<>();
			int total = this.history + this.open;
			int written = 0;
			for (int i = 0; i < total && System.nanoTime() < stopAt; i++) {
				// the open cases first, so that the queue has its work whatever the budget cuts off
				int n = (i < this.open) ? this.history + i : i - this.open;
				boolean isOpen = n >= this.history;
				Document c = isOpen ? openCase(n, n - this.history, random, now, live) : closedCase(n, random, now,
						tallies);
				written++;
				tallies.opened(c);
				batch.add(c);
				if (batch.size() == BATCH) {
					pending.add(submit(writers, cases, batch));
					batch = new ArrayList<>(BATCH);
					while (pending.size() > 4) {
						pending.remove(0).get();
					}
				}
			}
			if (!batch.isEmpty()) {
				pending.add(submit(writers, cases, batch));
			}
			for (Future<?> f : pending) {
				f.get();
			}
			writers.shutdown();
			writers.awaitTermination(1, TimeUnit.MINUTES);
			Duration casesTook = Duration.ofNanos(System.nanoTime() - started);
			if (!live.isEmpty()) {
				db.getCollection(LIVE_CASES).insertMany(live, new InsertManyOptions().ordered(false));
			}
			List<Document> counters = tallies.counterDocuments();
			List<Document> responses = tallies.responseDocuments();
			for (int i = 0; i < counters.size(); i += BATCH) {
				db.getCollection(COUNTERS).insertMany(counters.subList(i, Math.min(counters.size(), i + BATCH)));
			}
			for (int i = 0; i < responses.size(); i += 50) {
				db.getCollection(RESPONSES).insertMany(responses.subList(i, Math.min(responses.size(), i + 50)));
			}
			return new Seeded(written, total, live.size(), counters.size(), responses.size(), casesTook,
					Duration.ofNanos(System.nanoTime() - started));
		}
	}

	private static Future<?> submit(ExecutorService writers, MongoCollection<Document> cases, List<Document> batch) {
		return writers.submit(() -> cases.insertMany(batch, new InsertManyOptions().ordered(false)));
	}

	static String caseId(int n) {
		return "c-" + reportId(n);
	}

	static String reportId(int n) {
		return new UUID(0x5EEDL << 48, n).toString();
	}

	private Document closedCase(int n, SplittableRandom random, Instant now, Tallies tallies) {
		Instant first = now.minus(Duration.ofMinutes(60 * 24 + random.nextLong(60L * 24 * 364)));
		String category = CATEGORIES[random.nextInt(CATEGORIES.length)];
		String locality = LOCALITIES[random.nextInt(LOCALITIES.length)];
		Document c = base(n, random, first, category, locality);
		Instant decidedAt = first.plus(Duration.ofMinutes(10 + random.nextLong(8 * 60)));
		boolean resolved = random.nextInt(10) < 6;
		List<Document> audit = auditStart(first);
		if (resolved) {
			int agency = agencyFor(category);
			Instant acknowledgedAt = decidedAt.plus(Duration.ofMinutes(5 + random.nextLong(20 * 60)));
			Instant resolvedAt = min(acknowledgedAt.plus(Duration.ofMinutes(60 + random.nextLong(3 * 24 * 60))),
					now.minusSeconds(60));
			c.append("status", "RESOLVED")
				.append("decision", decision("FAKE", category, locality, List.of(AGENCIES[agency]), decidedAt))
				.append("routing", 1)
				.append("agencies", List.of(new Document("agencyId", AGENCIES[agency]).append("name", AGENCY_NAMES[agency])
					.append("routing", 1)
					.append("dueAt", date(decidedAt.plus(Duration.ofHours(24))))
					.append("acknowledgedAt", date(acknowledgedAt))
					.append("resolvedAt", date(resolvedAt))
					.append("resolveDueAt", date(decidedAt.plus(Duration.ofDays(7))))
					.append("routedAt", date(decidedAt))));
			audit.add(entry(decidedAt, "analyst", "DECIDED", "FAKE"));
			audit.add(entry(decidedAt, "analyst", "ROUTED", AGENCIES[agency]));
			audit.add(entry(acknowledgedAt, "agency:" + AGENCIES[agency], "AGENCY_RESPONDED", "ACKNOWLEDGED"));
			audit.add(entry(resolvedAt, "agency:" + AGENCIES[agency], "RESOLVED", "RESOLVED"));
			tallies.routed(AGENCIES[agency], decidedAt, acknowledgedAt, resolvedAt);
		}
		else {
			String verdict = random.nextBoolean() ? "ACCURATE" : "OUT_OF_SCOPE";
			c.append("status", "CLOSED")
				.append("decision", decision(verdict, category, locality, List.of(), decidedAt))
				.append("routing", 0)
				.append("agencies", List.of());
			audit.add(entry(decidedAt, "analyst", "DECIDED", verdict));
			audit.add(entry(decidedAt, "analyst", "CLOSED", verdict));
		}
		tallies.decided(decidedAt, category, locality, c.get("decision", Document.class).getString("verdict"));
		return c.append("audit", audit).append("version", (long) audit.size()).append("overdue", false);
	}

	private Document openCase(int n, int k, SplittableRandom random, Instant now, List<Document> live) {
		Instant first = now.minus(Duration.ofMinutes(random.nextLong(6 * 60)));
		String category = CATEGORIES[random.nextInt(CATEGORIES.length)];
		String locality = LOCALITIES[random.nextInt(LOCALITIES.length)];
		Document c = base(n, random, first, category, locality);
		Instant dueAt = first.plus(Duration.ofHours(24));
		List<Document> audit = auditStart(first);
		String status;
		Instant nextDeadline;
		Document claim = null;
		int slot = k % 20;
		if (slot < 16) {
			status = "NEW";
			nextDeadline = dueAt;
			c.append("routing", 0).append("agencies", List.of());
		}
		else if (slot == 16) {
			status = "IN_REVIEW";
			nextDeadline = dueAt;
			Instant claimedAt = first.plusSeconds(60);
			claim = new Document("by", "analyst").append("at", date(claimedAt))
				.append("expiresAt", date(claimedAt.plus(Duration.ofMinutes(30))));
			c.append("claim", claim)
				.append("routing", 0)
				.append("agencies", List.of());
			audit.add(entry(claimedAt, "analyst", "CLAIMED", null));
		}
		else {
			status = "ROUTED";
			int agency = agencyFor(category);
			Instant decidedAt = first.plusSeconds(600);
			Instant ackDue = now.plus(Duration.ofHours(2 + random.nextInt(20)));
			nextDeadline = ackDue;
			c.append("decision", decision("FAKE", category, locality, List.of(AGENCIES[agency]), decidedAt))
				.append("routing", 1)
				.append("agencies", List.of(new Document("agencyId", AGENCIES[agency]).append("name", AGENCY_NAMES[agency])
					.append("routing", 1)
					.append("dueAt", date(ackDue))
					.append("resolveDueAt", date(decidedAt.plus(Duration.ofDays(7))))
					.append("routedAt", date(decidedAt))));
			audit.add(entry(decidedAt, "analyst", "DECIDED", "FAKE"));
			audit.add(entry(decidedAt, "analyst", "ROUTED", AGENCIES[agency]));
		}
		c.append("status", status)
			.append("audit", audit)
			.append("version", (long) audit.size())
			.append("overdue", false)
			.append("nextDeadlineAt", date(nextDeadline));
		// triage's LiveCases.Entry: the case's version, its queue line, what the deadline scan looks for
		live.add(new Document("_id", c.getString("_id")).append("version", c.getLong("version"))
			.append("status", status)
			.append("priority", c.getInteger("priority"))
			.append("reportCount", c.getInteger("reportCount"))
			.append("summary", c.getString("summary"))
			.append("categoryHint", category)
			.append("firstReportedAt", date(first))
			.append("lastReportedAt", date(first))
			.append("dueAt", c.getDate("dueAt"))
			.append("claim", claim)
			.append("category", category)
			.append("localityCode", locality)
			.append("overdue", false)
			.append("nextDeadlineAt", date(nextDeadline)));
		return c;
	}

	private static Document base(int n, SplittableRandom random, Instant first, String category, String locality) {
		StringBuilder content = new StringBuilder("Phản ánh lưu trữ ").append(n).append(':');
		while (content.length() < 400) {
			content.append(' ').append(WORDS[random.nextInt(WORDS.length)]);
		}
		String url = "https://www.facebook.com/groups/tin-nong-ha-nam/posts/seed" + n;
		String summary = content.substring(0, 120);
		List<Integer> minHashes = new ArrayList<>(HASHES);
		for (int i = 0; i < HASHES; i++) {
			minHashes.add(random.nextInt(Integer.MAX_VALUE));
		}
		Document report = new Document("reportId", reportId(n)).append("trackingCode", trackingCode(n))
			.append("content", content.toString())
			.append("sourceUrl", url)
			.append("platform", "FACEBOOK")
			.append("categoryHint", category)
			.append("localityCode", locality)
			.append("submittedAt", date(first))
			.append("evidence", List.of());
		int priority = switch (category) {
			case "HEALTH", "DISASTER_EPIDEMIC", "SECURITY_ORDER" -> 3;
			case "OTHER" -> 1;
			default -> 2;
		};
		return new Document("_id", caseId(n)).append("priority", priority)
			.append("summary", summary)
			.append("reports", List.of(report))
			.append("reportCount", 1)
			.append("firstReportedAt", date(first))
			.append("lastReportedAt", date(first))
			.append("dueAt", date(first.plus(Duration.ofHours(24))))
			.append("outbox", List.of())
			.append("category", category)
			.append("localityCode", locality)
			.append("signatures", List.of(new Document("minHashes", minHashes)))
			.append("urlKeys", List.of("facebook.com/groups/tin-nong-ha-nam/posts/seed" + n));
	}

	private static String trackingCode(int n) {
		String digits = String.format("%08d", n);
		return "MD-" + digits.substring(0, 4) + "-" + digits.substring(4);
	}

	private static int agencyFor(String category) {
		return switch (category) {
			case "HEALTH", "DISASTER_EPIDEMIC" -> 0;
			case "SECURITY_ORDER", "SCAM", "IMPERSONATION" -> 1;
			case "ECONOMY_FINANCE" -> 3;
			default -> 2;
		};
	}

	private static List<Document> auditStart(Instant first) {
		List<Document> audit = new ArrayList<>();
		audit.add(entry(first, "system", "RECEIVED", null));
		return audit;
	}

	private static Document decision(String verdict, String category, String locality, List<String> agencies,
			Instant at) {
		return new Document("verdict", verdict).append("category", category)
			.append("severity", "HIGH")
			.append("localityCode", locality)
			.append("agencyIds", agencies)
			.append("publicNote", "Thông tin đã được xác minh.")
			.append("by", "analyst")
			.append("at", date(at));
	}

	private static Document entry(Instant at, String by, String action, String details) {
		Document entry = new Document("at", date(at)).append("by", by).append("action", action);
		return (details != null) ? entry.append("details", details) : entry;
	}

	private static Date date(Instant instant) {
		return Date.from(instant);
	}

	private static Instant min(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}

	/**
	 * The dashboard's counters and response times, kept as triage's counting would have: one document per
	 * month, dimension and value with each day's count under {@code days.<dd>}, and one per month, agency and
	 * kind with each day's response times in seconds under {@code days.<dd>} and the month's count per bucket
	 * under {@code buckets.<bucket>} (a bucket: the values that agree in their 7 leading bits, named by the
	 * lowest, as triage's {@code ResponseBuckets}).
	 */
	static final class Tallies {

		private final Map<String, Map<String, long[]>> counts = new HashMap<>();

		private final Map<String, Map<String, List<Long>>> samples = new HashMap<>();

		void opened(Document c) {
			Instant first = c.getDate("firstReportedAt").toInstant();
			Document report = c.getList("reports", Document.class).get(0);
			count(first, "cases", "all");
			count(first, "cases.status", c.getString("status"));
			count(first, "reports", "all");
			count(first, "reports.category", report.getString("categoryHint"));
			count(first, "reports.locality", report.getString("localityCode"));
		}

		void decided(Instant at, String category, String locality, String verdict) {
			count(at, "decisions", "all");
			count(at, "decisions.category", category);
			count(at, "decisions.locality", locality);
			count(at, "decisions.verdict", verdict);
		}

		void routed(String agency, Instant routedAt, Instant acknowledgedAt, Instant resolvedAt) {
			count(routedAt, "agency.routed", agency);
			count(acknowledgedAt, "agency.acknowledged", agency);
			count(resolvedAt, "agency.resolved", agency);
			sample(acknowledgedAt, agency, "ACKNOWLEDGEMENT", Duration.between(routedAt, acknowledgedAt));
			sample(resolvedAt, agency, "RESOLUTION", Duration.between(routedAt, resolvedAt));
		}

		private void count(Instant at, String dimension, String value) {
			LocalDate day = day(at);
			this.counts.computeIfAbsent(YearMonth.from(day) + "|" + dimension + "|" + value, (k) -> new HashMap<>())
				.computeIfAbsent(dayKey(day), (k) -> new long[1])[0]++;
		}

		private void sample(Instant at, String agency, String kind, Duration took) {
			LocalDate day = day(at);
			this.samples.computeIfAbsent(YearMonth.from(day) + "|" + agency + "|" + kind, (k) -> new HashMap<>())
				.computeIfAbsent(dayKey(day), (k) -> new ArrayList<>())
				.add(took.toSeconds());
		}

		private static LocalDate day(Instant at) {
			return LocalDate.ofInstant(at, DASHBOARD_ZONE);
		}

		private static String dayKey(LocalDate day) {
			return String.format("%02d", day.getDayOfMonth());
		}

		static long bucketOf(long seconds) {
			long value = Math.max(0, seconds);
			int shift = Math.max(0, 64 - Long.numberOfLeadingZeros(value) - 7);
			return (value >> shift) << shift;
		}

		List<Document> counterDocuments() {
			List<Document> documents = new ArrayList<>(this.counts.size());
			this.counts.forEach((id, byDay) -> {
				String[] parts = id.split("\\|", 3);
				Document days = new Document();
				new TreeMap<>(byDay).forEach((day, count) -> days.append(day, count[0]));
				documents.add(new Document("_id", id).append("month", parts[0])
					.append("dimension", parts[1])
					.append("value", parts[2])
					.append("days", days));
			});
			return documents;
		}

		List<Document> responseDocuments() {
			List<Document> documents = new ArrayList<>(this.samples.size());
			this.samples.forEach((id, byDay) -> {
				String[] parts = id.split("\\|", 3);
				Document days = new Document();
				Map<Long, Long> buckets = new TreeMap<>();
				new TreeMap<>(byDay).forEach((day, seconds) -> {
					days.append(day, seconds);
					seconds.forEach((one) -> buckets.merge(bucketOf(one), 1L, Long::sum));
				});
				Document bucketCounts = new Document();
				buckets.forEach((bucket, count) -> bucketCounts.append(Long.toString(bucket), count));
				documents.add(new Document("_id", id).append("month", parts[0])
					.append("agencyId", parts[1])
					.append("kind", parts[2])
					.append("days", days)
					.append("buckets", bucketCounts));
			});
			return documents;
		}

	}

}
