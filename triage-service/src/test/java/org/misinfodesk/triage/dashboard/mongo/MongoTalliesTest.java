package org.misinfodesk.triage.dashboard.mongo;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.misinfodesk.platform.test.EmbeddedMongo;
import org.misinfodesk.triage.dashboard.ChangeFigures;
import org.misinfodesk.triage.dashboard.ResponseBuckets;
import org.misinfodesk.triage.dashboard.ResponseSample;
import org.misinfodesk.triage.dashboard.Tally;
import org.misinfodesk.triage.dashboard.Tally.Dimensions;
import org.misinfodesk.triage.dashboard.TimedResponses;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;

class MongoTalliesTest {

	private static final LocalDate OCT_31 = LocalDate.parse("2026-10-31");

	private static final LocalDate NOV_1 = LocalDate.parse("2026-11-01");

	private static final LocalDate NOV_28 = LocalDate.parse("2026-11-28");

	private static final ResponseSample.Kind ACK = ResponseSample.Kind.ACKNOWLEDGEMENT;

	private MongoClient client;

	private ReactiveMongoTemplate mongo;

	private MongoTallies tallies;

	@BeforeEach
	void freshStore() {
		String database = "tallies-" + UUID.randomUUID();
		this.client = MongoClients.create(EmbeddedMongo.uri(database));
		this.mongo = new ReactiveMongoTemplate(this.client, database);
		this.tallies = new MongoTallies(this.mongo);
		this.tallies.afterPropertiesSet();
	}

	@AfterEach
	void close() {
		this.client.close();
	}

	@Test
	void aMonthsCountsOfOneValueAreOneDocumentAndAPeriodReadsOnlyItsDays() {
		keep(List.of(new Tally(OCT_31, Dimensions.REPORTS, Tally.ALL, 1), new Tally(NOV_1, Dimensions.REPORTS, Tally.ALL, 2),
				new Tally(NOV_28, Dimensions.REPORTS, Tally.ALL, 3)), List.of());
		keep(List.of(new Tally(NOV_28, Dimensions.REPORTS, Tally.ALL, 4),
				new Tally(NOV_28, Dimensions.REPORT_LOCALITY, "HNA-PHU-LY", 4)), List.of());

		assertThat(this.mongo.count(new Query(), MongoTallies.COUNTERS).block()).isEqualTo(3);
		assertThat(this.tallies.counted(NOV_1, NOV_28.minusDays(1)).collectList().block())
			.containsExactly(new Tally(NOV_1, Dimensions.REPORTS, Tally.ALL, 2));
		assertThat(this.tallies.counted(OCT_31, NOV_28).collectList().block()).containsExactlyInAnyOrder(
				new Tally(OCT_31, Dimensions.REPORTS, Tally.ALL, 1), new Tally(NOV_1, Dimensions.REPORTS, Tally.ALL, 2),
				new Tally(NOV_28, Dimensions.REPORTS, Tally.ALL, 7),
				new Tally(NOV_28, Dimensions.REPORT_LOCALITY, "HNA-PHU-LY", 4));
	}

	@Test
	void wholeMonthsGiveResponseTimesFromTheirBucketsAndMonthsInPartExactly() {
		keep(List.of(), List.of(new ResponseSample(LocalDate.parse("2026-10-15"), "so-y-te", ACK, 5400),
				new ResponseSample(LocalDate.parse("2026-10-16"), "so-y-te", ACK, 5401),
				new ResponseSample(NOV_1, "so-y-te", ACK, 7234), new ResponseSample(NOV_28, "so-y-te", ACK, 100),
				new ResponseSample(NOV_1, "cong-an-tinh", ACK, 60)));

		List<TimedResponses> octoberAndEarlyNovember = this.tallies
			.responses(LocalDate.parse("2026-10-01"), LocalDate.parse("2026-11-10"), List.of("so-y-te"))
			.collectList()
			.block();

		long bucketOf5400 = ResponseBuckets.middleOf(ResponseBuckets.of(5400));
		assertThat(bucketOf5400).isNotEqualTo(5400).isCloseTo(5400, org.assertj.core.data.Offset.offset(5400L / 128));
		assertThat(octoberAndEarlyNovember).containsExactlyInAnyOrder(new TimedResponses("so-y-te", ACK, bucketOf5400, 2),
				new TimedResponses("so-y-te", ACK, 7234, 1));
		assertThat(this.tallies.responses(NOV_28, NOV_28, List.of("so-y-te", "cong-an-tinh")).collectList().block())
			.containsExactly(new TimedResponses("so-y-te", ACK, 100, 1));
	}

	@Test
	void perDayFiguresOfAnEarlierVersionAreFoldedIntoTheirMonthsOnce() {
		this.mongo.insert(new Document("_id", "2026-11-28|reports|all").append("day", "2026-11-28")
			.append("dimension", "reports")
			.append("value", "all")
			.append("count", 5L), MongoTallies.DAILY_COUNTERS).block();
		this.mongo.insert(new Document("_id", "2026-11-28|so-y-te|ACKNOWLEDGEMENT").append("day", "2026-11-28")
			.append("agencyId", "so-y-te")
			.append("kind", "ACKNOWLEDGEMENT")
			.append("samples", List.of(new Document("caseId", "c-1").append("routing", 1).append("seconds", 5400L),
					new Document("caseId", "c-2").append("routing", 1).append("seconds", 60L))),
				MongoTallies.DAILY_RESPONSES)
			.block();

		this.tallies.foldDailyFigures().block();
		this.tallies.foldDailyFigures().block();
		keep(List.of(new Tally(NOV_28, Dimensions.REPORTS, Tally.ALL, 1)), List.of());

		assertThat(this.tallies.counted(NOV_28, NOV_28).collectList().block())
			.containsExactly(new Tally(NOV_28, Dimensions.REPORTS, Tally.ALL, 6));
		assertThat(this.tallies.responses(NOV_28, NOV_28, List.of("so-y-te")).collectList().block())
			.containsExactlyInAnyOrder(new TimedResponses("so-y-te", ACK, 5400, 1), new TimedResponses("so-y-te", ACK, 60, 1));
		assertThat(this.tallies.responses(NOV_1, NOV_28.plusDays(2), List.of("so-y-te")).collectList().block())
			.as("November whole, from its buckets")
			.containsExactlyInAnyOrder(new TimedResponses("so-y-te", ACK, ResponseBuckets.middleOf(ResponseBuckets.of(5400)), 1),
					new TimedResponses("so-y-te", ACK, 60, 1));
		assertThat(this.mongo.collectionExists(MongoTallies.DAILY_COUNTERS).block()).isFalse();
		assertThat(this.mongo.collectionExists(MongoTallies.DAILY_RESPONSES).block()).isFalse();
	}

	private void keep(List<Tally> counted, List<ResponseSample> responses) {
		this.tallies.keep(new ChangeFigures(counted, responses, null, false, "c-1", 1)).block();
	}

}
