package org.misinfodesk.bench.queue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SeedingHistoryTest {

	private MongoServer server;

	private String uri;

	@BeforeEach
	void store() {
		this.server = new MongoServer(new MemoryBackend());
		this.server.bind("127.0.0.1", 0);
		this.uri = "mongodb://127.0.0.1:" + this.server.getLocalAddress().getPort();
	}

	@AfterEach
	void stop() {
		this.server.shutdownNow();
	}

	@Test
	void everyOpenCaseHasAQueueEntryOfItsVersionWithItsQueueLine() throws Exception {
		new SeedingHistory(200, 40).seed(this.uri, "triage", Instant.now(), Duration.ZERO);

		try (MongoClient client = MongoClients.create(this.uri)) {
			MongoDatabase db = client.getDatabase("triage");
			List<Document> entries = db.getCollection(SeedingHistory.LIVE_CASES).find().into(new java.util.ArrayList<>());
			assertThat(entries).hasSize(40);
			for (Document entry : entries) {
				Document c = db.getCollection(SeedingHistory.CASES).find(new Document("_id", entry.get("_id"))).first();
				assertThat(entry.get("version")).isEqualTo(c.get("version"));
				for (String field : List.of("status", "priority", "reportCount", "summary", "firstReportedAt",
						"lastReportedAt", "dueAt", "category", "localityCode", "overdue", "nextDeadlineAt")) {
					assertThat(entry.get(field)).as(field).isEqualTo(c.get(field));
				}
				assertThat(entry.get("claim")).isEqualTo(c.get("claim"));
				assertThat(entry.getString("categoryHint"))
					.isEqualTo(c.getList("reports", Document.class).get(0).getString("categoryHint"));
			}
		}
	}

	@Test
	void dashboardFiguresAreKeptPerMonthWithEachDayAndTheMonthsBuckets() throws Exception {
		SeedingHistory.Seeded seeded = new SeedingHistory(300, 10).seed(this.uri, "triage", Instant.now(), Duration.ZERO);

		try (MongoClient client = MongoClients.create(this.uri)) {
			MongoDatabase db = client.getDatabase("triage");
			long casesCounted = 0;
			for (Document counter : db.getCollection(SeedingHistory.COUNTERS).find(new Document("dimension", "cases"))) {
				assertThat(counter.getString("_id")).startsWith(counter.getString("month") + "|cases|");
				casesCounted += counter.get("days", Document.class)
					.values()
					.stream()
					.mapToLong((count) -> ((Number) count).longValue())
					.sum();
			}
			assertThat(casesCounted).isEqualTo(seeded.cases());
			List<Document> responses = db.getCollection(SeedingHistory.RESPONSES).find().into(new java.util.ArrayList<>());
			assertThat(responses).isNotEmpty().hasSize((int) seeded.responseDocuments());
			for (Document month : responses) {
				Map<Long, Long> buckets = new HashMap<>();
				month.get("days", Document.class)
					.values()
					.forEach((seconds) -> ((List<?>) seconds).forEach((one) -> buckets
						.merge(SeedingHistory.Tallies.bucketOf(((Number) one).longValue()), 1L, Long::sum)));
				Map<Long, Long> stored = new HashMap<>();
				month.get("buckets", Document.class)
					.forEach((bucket, count) -> stored.put(Long.parseLong(bucket), ((Number) count).longValue()));
				assertThat(stored).isEqualTo(buckets);
			}
		}
	}

	@Test
	void aBucketHoldsTheTimesThatAgreeInTheirSevenLeadingBits() {
		assertThat(SeedingHistory.Tallies.bucketOf(127)).isEqualTo(127);
		assertThat(SeedingHistory.Tallies.bucketOf(129)).isEqualTo(128);
		assertThat(SeedingHistory.Tallies.bucketOf(5400)).isEqualTo(5376);
		assertThat(SeedingHistory.Tallies.bucketOf(5439)).isEqualTo(5376);
		assertThat(SeedingHistory.Tallies.bucketOf(5440)).isEqualTo(5440);
	}

}
