package org.misinfodesk.triage.dashboard.mongo;

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
 * A supervisor's dashboard reads, for a period of any length, a range of monthly counter documents,
 * the response-time documents of the period's months and agencies by id, and the overdue list: each
 * from an index on a real MongoDB, never by reading the collections whole. Skipped without Docker.
 */
@Testcontainers(disabledWithoutDocker = true)
class DashboardQueriesUseIndexesIT {

	@Container
	static final MongoDBContainer mongo = new MongoDBContainer("mongo:8.0");

	static MongoClient client;

	static ReactiveMongoTemplate template;

	@BeforeAll
	static void collectionsAsTheServiceKeepsThem() {
		client = MongoClients.create(mongo.getReplicaSetUrl("triage"));
		template = new ReactiveMongoTemplate(client, "triage");
		new MongoTallies(template).afterPropertiesSet();
		for (int month = 1; month <= 12; month++) {
			String yearMonth = String.format("2026-%02d", month);
			for (String value : List.of("all", "HEALTH", "SCAM")) {
				template.insert(new Document("_id", yearMonth + "|reports.category|" + value).append("month", yearMonth)
					.append("dimension", "reports.category")
					.append("value", value)
					.append("days", new Document("01", 3)), MongoTallies.COUNTERS).block();
			}
			template.insert(new Document("_id", yearMonth + "|so-y-te|ACKNOWLEDGEMENT").append("month", yearMonth)
				.append("agencyId", "so-y-te")
				.append("kind", "ACKNOWLEDGEMENT")
				.append("days", new Document("01", List.of(5400)))
				.append("buckets", new Document("5376", 1)), MongoTallies.RESPONSES).block();
		}
		for (int i = 0; i < 50; i++) {
			template.insert(new Document("_id", "c-" + i).append("listed", i % 5 == 0).append("priority", i),
					MongoTallies.OVERDUE).block();
		}
	}

	@AfterAll
	static void close() {
		client.close();
	}

	@Test
	void countersOfAPeriodAreOneRangeOfTheIdIndex() {
		assertIndexed(MongoTallies.COUNTERS,
				new Document("_id", new Document("$gte", "2026-03|").append("$lt", "2026-06|")), null);
	}

	@Test
	void responseTimesOfAPeriodAreFoundByTheIdIndex() {
		assertIndexed(MongoTallies.RESPONSES,
				new Document("_id",
						new Document("$in", List.of("2026-03|so-y-te|ACKNOWLEDGEMENT", "2026-03|so-y-te|RESOLUTION",
								"2026-04|so-y-te|ACKNOWLEDGEMENT", "2026-04|so-y-te|RESOLUTION"))),
				null);
	}

	@Test
	void overdueListIsServedByTheListedIndex() {
		assertIndexed(MongoTallies.OVERDUE, new Document("listed", true),
				new Document("priority", -1).append("overdueSince", 1).append("_id", 1));
	}

	private static void assertIndexed(String collection, Document filter, Document sort) {
		Document find = new Document("find", collection).append("filter", filter).append("limit", 100);
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
