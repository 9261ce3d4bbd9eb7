package org.misinfodesk.triage.cases.mongo;

import java.time.Instant;
import java.util.List;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mongodb.MongoDBContainer;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The queries that run all day (the queue's first page, a filtered page, the check of a page's
 * lines against their cases, the deadline scan, the report-to-case lookup) are answered from an
 * index on a real MongoDB, not by reading the history. The embedded store cannot say (it has no
 * query planner to explain); skipped without Docker. The dashboard's are checked beside its store
 * ({@code DashboardQueriesUseIndexesIT}).
 */
@Testcontainers(disabledWithoutDocker = true)
class HotQueriesUseIndexesIT {

	@Container
	static final MongoDBContainer mongo = new MongoDBContainer("mongo:8.0");

	static MongoClient client;

	static ReactiveMongoTemplate template;

	@BeforeAll
	static void indexesAsTheServiceCreatesThem() {
		client = MongoClients.create(mongo.getReplicaSetUrl("triage"));
		template = new ReactiveMongoTemplate(client, "triage");
		new LiveCases(template).afterPropertiesSet();
		new MongoCases(template, null, null, List.of(), new LiveCases(template)).afterPropertiesSet();
		for (int i = 0; i < 200; i++) {
			template.insert(new Document("_id", "c-" + i).append("status", (i % 2 == 0) ? "NEW" : "ROUTED")
				.append("priority", i % 100)
				.append("firstReportedAt", Instant.parse("2026-11-01T00:00:00Z").plusSeconds(i))
				.append("category", "HEALTH")
				.append("localityCode", "HNA-PHU-LY")
				.append("overdue", false)
				.append("nextDeadlineAt", Instant.parse("2026-11-02T00:00:00Z").plusSeconds(i)), LiveCases.COLLECTION)
				.block();
		}
	}

	@AfterAll
	static void close() {
		client.close();
	}

	@Test
	void queueFirstPageIsServedByTheQueueIndex() {
		assertIndexed(LiveCases.COLLECTION, new Document("status", new Document("$in", List.of("NEW", "IN_REVIEW"))),
				new Document("priority", -1).append("firstReportedAt", 1).append("_id", 1));
	}

	@Test
	void filteredQueuePageIsServedByTheQueueIndex() {
		assertIndexed(LiveCases.COLLECTION,
				new Document("status", new Document("$in", List.of("NEW", "IN_REVIEW"))).append("category", "HEALTH")
					.append("localityCode", "HNA-PHU-LY"),
				new Document("priority", -1).append("firstReportedAt", 1).append("_id", 1));
	}

	@Test
	void pageLinesAreCheckedAgainstTheirCasesByTheIdIndex() {
		assertIndexed("cases", new Document("_id", new Document("$in", List.of("c-1", "c-2", "c-3"))), null);
	}

	@Test
	void deadlineScanIsServedByTheDeadlineIndex() {
		assertIndexed(LiveCases.COLLECTION,
				new Document("status", new Document("$in", List.of("NEW", "IN_REVIEW", "ROUTED"))).append("nextDeadlineAt",
						new Document("$lte", Instant.parse("2026-11-02T00:01:00Z"))),
				new Document("nextDeadlineAt", 1));
	}

	@Test
	void theCaseHoldingAReportIsFoundByTheUniqueReportIndex() {
		assertIndexed("cases", new Document("reports.reportId", "r-1"), null);
	}

	private static void assertIndexed(String collection, Document filter, Document sort) {
		Document find = new Document("find", collection).append("filter", filter).append("limit", 200);
		if (sort != null) {
			find.append("sort", sort);
		}
		Document explained = template.executeCommand(new Document("explain", find).append("verbosity", "queryPlanner"))
			.block();
		String plan = explained.get("queryPlanner", Document.class).get("winningPlan", Document.class).toJson();
		assertThat(plan).as("winning plan of %s on %s", filter.toJson(), collection)
			.contains("IXSCAN")
			.doesNotContain("COLLSCAN");
	}

}
