package org.misinfodesk.triage.cases.mongo;

import java.time.Duration;
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
import org.misinfodesk.triage.cases.AuditAction;
import org.misinfodesk.triage.cases.AuditEntry;
import org.misinfodesk.triage.cases.Case;
import org.misinfodesk.triage.cases.CaseReport;
import org.misinfodesk.triage.cases.CaseStatus;
import org.misinfodesk.triage.cases.CaseSummary;
import org.misinfodesk.triage.cases.Category;
import org.misinfodesk.triage.cases.Claim;
import org.misinfodesk.triage.cases.QueueFilter;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class LiveCasesTest {

	private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

	private MongoClient client;

	private ReactiveMongoTemplate mongo;

	private LiveCases live;

	@BeforeEach
	void freshStore() {
		String database = "live-" + UUID.randomUUID();
		this.client = MongoClients.create(EmbeddedMongo.uri(database));
		this.mongo = new ReactiveMongoTemplate(this.client, database);
		this.live = new LiveCases(this.mongo);
	}

	@AfterEach
	void close() {
		this.client.close();
	}

	@Test
	void queueListsLiveCasesMostUrgentFirstAndForgetsThemWhenClosed() {
		Case low = aCase("low", 40, "2026-11-27T01:00:00Z");
		Case high = aCase("high", 90, "2026-11-27T03:00:00Z");
		Case older = aCase("older", 40, "2026-11-26T23:00:00Z");
		for (Case one : List.of(low, high, older)) {
			this.live.written(one).block();
		}
		assertThat(openQueue()).containsExactly(high.id(), older.id(), low.id());

		this.live.written(with(high, CaseStatus.CLOSED)).block();

		assertThat(openQueue()).containsExactly(older.id(), low.id());
		assertThat(ids(this.live.find(new QueueFilter(Set.of(CaseStatus.NEW), Category.ECONOMY_FINANCE, null, null), 10)
			.collectList()
			.block())).isEmpty();
	}

	@Test
	void entryGivesTheQueueLineTheCaseItselfGives() {
		Case c = aCase("claimed", 70, "2026-11-27T01:00:00Z");
		Claim claim = new Claim("analyst", NOW.minusSeconds(60), NOW.plus(Duration.ofMinutes(29)));
		Case claimed = new Case(c.id(), CaseStatus.IN_REVIEW, c.priority(), c.summary(), c.reports(), c.reportCount(),
				c.firstReportedAt(), c.lastReportedAt(), c.dueAt(), claim, null, 0, List.of(), c.audit(), List.of(),
				c.version() + 1, c.category(), c.localityCode(), List.of(), List.of(), true, c.nextDeadlineAt(), null);
		this.live.written(claimed).block();

		LiveCases.Entry entry = this.live.find(QueueFilter.open(), 10).blockFirst();

		for (Instant at : List.of(NOW, NOW.plus(Duration.ofMinutes(30)))) {
			CaseSummary fromEntry = entry.summaryAt(at);
			assertThat(fromEntry).isEqualTo(CaseSummary.of(claimed, at));
			assertThat(fromEntry.categoryHint()).isEqualTo(Category.HEALTH);
		}
		assertThat(entry.summaryAt(NOW).claimedBy()).isEqualTo("analyst");
		assertThat(entry.summaryAt(NOW.plus(Duration.ofMinutes(30))).claimedBy()).isNull();
	}

	@Test
	void anOlderVersionOfACaseNeverReplacesItsEntry() {
		Case first = aCase("raced", 40, "2026-11-27T01:00:00Z");
		Case joined = new Case(first.id(), first.status(), 80, "Tin đồn về raced, thêm báo cáo", first.reports(), 2,
				first.firstReportedAt(), NOW, first.dueAt(), null, null, 0, List.of(), first.audit(), List.of(),
				first.version() + 1, first.category(), first.localityCode(), List.of(), List.of(), false,
				first.nextDeadlineAt(), null);

		this.live.written(joined).block();
		this.live.written(first).block();

		LiveCases.Entry entry = this.live.find(QueueFilter.open(), 10).blockFirst();
		assertThat(entry.version()).isEqualTo(joined.version());
		assertThat(entry.reportCount()).isEqualTo(2);
		assertThat(entry.priority()).isEqualTo(80);
	}

	@Test
	void deadlineScanFindsOnlyDeadlinesThatPassed() {
		Case due = aCase("due", 50, "2026-11-27T01:00:00Z");
		Case later = aCase("later", 50, "2026-11-27T09:00:00Z");
		this.live.written(due).block();
		this.live.written(later).block();

		assertThat(this.live.deadlineDue(Instant.parse("2026-11-27T12:00:00Z"), 10).collectList().block())
			.containsExactly(due.id());
	}

	@Test
	void rebuildAddsWhatACrashLeftOutAndRemovesWhatItLeftStale() {
		Case missing = aCase("missing", 50, "2026-11-27T01:00:00Z");
		Case closed = with(aCase("closed", 50, "2026-11-27T02:00:00Z"), CaseStatus.CLOSED);
		this.mongo.insert(missing).block();
		this.mongo.insert(closed).block();
		// the case writes happened; the read model's writes did not (or came before the close)
		this.live.written(aCase("closed", 50, "2026-11-27T02:00:00Z")).block();
		assertThat(openQueue()).containsExactly(closed.id());

		assertThat(this.live.rebuild().block()).isEqualTo(2);

		assertThat(openQueue()).containsExactly(missing.id());
	}

	@Test
	void rebuildFillsInEntriesWrittenBeforeTheyCarriedTheQueueLine() {
		Case c = aCase("old-shape", 50, "2026-11-27T01:00:00Z");
		this.mongo.insert(c).block();
		this.mongo.insert(new Document("_id", c.id()).append("status", "NEW")
			.append("priority", 50)
			.append("firstReportedAt", c.firstReportedAt())
			.append("category", "HEALTH")
			.append("localityCode", "HNA-PHU-LY")
			.append("overdue", false)
			.append("nextDeadlineAt", c.nextDeadlineAt()), LiveCases.COLLECTION).block();

		this.live.rebuild().block();

		assertThat(this.live.find(QueueFilter.open(), 10).blockFirst().summaryAt(NOW))
			.isEqualTo(CaseSummary.of(c, NOW));
	}

	private List<String> openQueue() {
		return ids(this.live.find(QueueFilter.open(), 10).collectList().block());
	}

	private static List<String> ids(List<LiveCases.Entry> entries) {
		return entries.stream().map(LiveCases.Entry::id).toList();
	}

	static Case aCase(String name, int priority, String reportedAt) {
		Instant at = Instant.parse(reportedAt);
		CaseReport report = new CaseReport("r-" + name, "HN-" + name, "Tin đồn về " + name, null, "FACEBOOK",
				Category.HEALTH, "HNA-PHU-LY", at, at, null, null);
		return Case.open(report, priority, "Tin đồn về " + name, at.plusSeconds(8 * 3600),
				AuditEntry.of(at, AuditEntry.SYSTEM, AuditAction.RECEIVED, null), null, List.of());
	}

	static Case with(Case c, CaseStatus status) {
		return new Case(c.id(), status, c.priority(), c.summary(), c.reports(), c.reportCount(), c.firstReportedAt(),
				c.lastReportedAt(), c.dueAt(), null, c.decision(), c.routing(), c.agencies(), c.audit(), c.outbox(),
				c.version() + 1, c.category(), c.localityCode(), c.signatures(), c.urlKeys(), c.overdue(),
				(status == CaseStatus.CLOSED) ? null : c.nextDeadlineAt(), c.mergedInto());
	}

}
