package org.misinfodesk.triage.cases.mongo;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.misinfodesk.platform.test.EmbeddedMongo;
import org.misinfodesk.triage.cases.Case;
import org.misinfodesk.triage.cases.CaseStatus;
import org.misinfodesk.triage.cases.CaseSummary;
import org.misinfodesk.triage.cases.QueueFilter;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.misinfodesk.triage.cases.mongo.LiveCasesTest.aCase;
import static org.misinfodesk.triage.cases.mongo.LiveCasesTest.with;

class QueueListingTest {

	private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

	private MongoClient client;

	private ReactiveMongoTemplate mongo;

	private LiveCases live;

	private MongoCases cases;

	@BeforeEach
	void freshStore() {
		String database = "listing-" + UUID.randomUUID();
		this.client = MongoClients.create(EmbeddedMongo.uri(database));
		this.mongo = new ReactiveMongoTemplate(this.client, database);
		this.live = new LiveCases(this.mongo);
		this.cases = new MongoCases(this.mongo, null, null, List.of(), this.live);
	}

	@AfterEach
	void close() {
		this.client.close();
	}

	@Test
	void pageShowsTheCaseAsItIsWhenItsEntryFellBehind() {
		Case opened = aCase("behind", 40, "2026-11-27T01:00:00Z");
		stored(opened);
		this.live.written(opened).block();
		assertThat(openQueue()).containsExactly(CaseSummary.of(opened, NOW));

		Case joined = new Case(opened.id(), opened.status(), 80, "Tin đồn về behind, thêm báo cáo", opened.reports(), 2,
				opened.firstReportedAt(), NOW, opened.dueAt(), null, null, 0, List.of(), opened.audit(), List.of(),
				opened.version() + 1, opened.category(), opened.localityCode(), List.of(), List.of(), false,
				opened.nextDeadlineAt(), null);
		// the case was written again; its entry was not (a crash in between)
		this.mongo.remove(opened).then(this.mongo.insert(joined)).block();

		assertThat(openQueue()).containsExactly(CaseSummary.of(joined, NOW));
	}

	@Test
	void entryFromBeforeEntriesCarriedTheQueueLineGivesWayToItsCase() {
		Case opened = aCase("old-shape", 40, "2026-11-27T01:00:00Z");
		stored(opened);
		this.mongo.insert(new Document("_id", opened.id()).append("status", "NEW")
			.append("priority", 40)
			.append("firstReportedAt", opened.firstReportedAt())
			.append("category", "HEALTH")
			.append("localityCode", "HNA-PHU-LY")
			.append("overdue", false)
			.append("nextDeadlineAt", opened.nextDeadlineAt()), LiveCases.COLLECTION).block();

		assertThat(openQueue()).containsExactly(CaseSummary.of(opened, NOW));
	}

	@Test
	void caseClosedSinceItsEntryWasWrittenIsNotListed() {
		Case opened = aCase("closed-since", 40, "2026-11-27T01:00:00Z");
		this.live.written(opened).block();
		stored(with(opened, CaseStatus.CLOSED));

		assertThat(openQueue()).isEmpty();
	}

	@Test
	void listingClosedCasesReadsTheirLinesFromTheCases() {
		Case closed = with(aCase("history", 40, "2026-11-26T01:00:00Z"), CaseStatus.CLOSED);
		stored(closed);

		List<CaseSummary> lines = this.cases.list(new QueueFilter(Set.of(CaseStatus.CLOSED), null, null, null), 10, NOW)
			.collectList()
			.block();

		assertThat(lines).containsExactly(CaseSummary.of(closed, NOW));
	}

	private void stored(Case c) {
		this.mongo.insert(c).block();
	}

	private List<CaseSummary> openQueue() {
		return this.cases.list(QueueFilter.open(), 10, NOW).collectList().block();
	}

}
