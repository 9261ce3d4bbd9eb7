package org.misinfodesk.triage.cases.mongo;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import org.bson.Document;
import org.misinfodesk.triage.cases.Case;
import org.misinfodesk.triage.cases.CaseStatus;
import org.misinfodesk.triage.cases.Category;
import org.misinfodesk.triage.cases.QueueFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The queue's read model: one small entry per case whose deadlines still run (new, in review or
 * routed), with just what the queue filters and sorts on and what the deadline scan looks for. The
 * history of closed and resolved cases grows without end; this stays as small as the work at hand,
 * so the queue's first page and the deadline scan never read the history, on the embedded store
 * (which serves no secondary index) or on MongoDB (where the indexes below serve them).
 * <p>
 * An entry is written after its case, so a crash between the two can leave it stale or missing:
 * readers fetch the cases by id and check their status again, and {@link #rebuild()} at start puts
 * the entries right from the cases themselves.
 */
@Component
class LiveCases implements InitializingBean {

	static final String COLLECTION = "live_cases";

	private static final Logger log = LoggerFactory.getLogger(LiveCases.class);

	private final ReactiveMongoTemplate mongo;

	LiveCases(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public void afterPropertiesSet() {
		var indexes = this.mongo.indexOps(COLLECTION);
		indexes
			.createIndex(new Index().on("status", Sort.Direction.ASC)
				.on("priority", Sort.Direction.DESC)
				.on("firstReportedAt", Sort.Direction.ASC)
				.named("queue"))
			.then(indexes.createIndex(
					new Index().on("status", Sort.Direction.ASC).on("nextDeadlineAt", Sort.Direction.ASC).named("deadlines")))
			.block(Duration.ofSeconds(30));
	}

	/** Whether the read model can answer for cases in these statuses. */
	static boolean covers(Set<CaseStatus> statuses) {
		return !statuses.isEmpty() && CaseStatus.WITH_DEADLINES.containsAll(statuses);
	}

	/** Keeps the entry of a case that was just written. */
	Mono<Void> written(Case after) {
		if (isLive(after)) {
			return this.mongo.save(Entry.of(after), COLLECTION).then();
		}
		return this.mongo.remove(Query.query(where("_id").is(after.id())), COLLECTION).then();
	}

	/** The ids of the cases the filter lets through, most urgent first. */
	Flux<String> find(QueueFilter filter, int limit) {
		// the entries carry the fields the cases' own filter reads, under the same names
		Query query = Query.query(MongoCases.criteria(filter))
			.with(Sort.by(Sort.Order.desc("priority"), Sort.Order.asc("firstReportedAt"), Sort.Order.asc("_id")))
			.limit(limit);
		return ids(query);
	}

	/** The ids of the cases whose next deadline is due by {@code now}, earliest first. */
	Flux<String> deadlineDue(Instant now, int limit) {
		Query query = Query.query(where("status").in(CaseStatus.WITH_DEADLINES).and("nextDeadlineAt").lte(now))
			.with(Sort.by("nextDeadlineAt"))
			.limit(limit);
		return ids(query);
	}

	/**
	 * Puts the entries right from the cases: one entry for each live case, none for any other. Reads
	 * the live cases once (served by the {@code cases} status index on MongoDB).
	 * @return how many entries it wrote, checked or removed
	 */
	Mono<Long> rebuild() {
		Set<String> live = new HashSet<>();
		Query liveCases = Query.query(where("status").in(CaseStatus.WITH_DEADLINES));
		liveCases.fields().exclude("outbox").exclude("audit").exclude("signatures").exclude("reports");
		liveCases.cursorBatchSize(500);
		Mono<Long> written = this.mongo.find(liveCases, Case.class)
			.filter(LiveCases::isLive)
			.doOnNext((found) -> live.add(found.id()))
			.concatMap((found) -> this.mongo.save(Entry.of(found), COLLECTION))
			.count();
		// an entry the scan did not see may belong to a case opened meanwhile: read the case again
		Mono<Long> checked = Flux.defer(() -> ids(new Query()))
			.filter((id) -> !live.contains(id))
			.concatMap((unseen) -> this.mongo.findById(unseen, Case.class)
				.flatMap((now) -> written(now).thenReturn(1L))
				.switchIfEmpty(Mono.defer(
						() -> this.mongo.remove(Query.query(where("_id").is(unseen)), COLLECTION).thenReturn(1L))))
			.count();
		return written.flatMap((saved) -> checked.map((fixed) -> saved + fixed))
			.doOnNext((count) -> log.info("Queue read model rebuilt from {} live cases", live.size()));
	}

	@EventListener(ApplicationReadyEvent.class)
	void rebuildOnStart() {
		rebuild().subscribe((count) -> {
		}, (ex) -> log.warn("Queue read model not rebuilt; the queue may miss cases until the next start", ex));
	}

	/** How many live cases are in a status. */
	Mono<Long> count(CaseStatus status) {
		return this.mongo.count(Query.query(where("status").is(status)), COLLECTION);
	}

	/** How many live cases are overdue. */
	Mono<Long> countOverdue() {
		return this.mongo.count(Query.query(where("overdue").is(true)), COLLECTION);
	}

	private Flux<String> ids(Query query) {
		query.fields().include("_id");
		return this.mongo.find(query, Document.class, COLLECTION).map((entry) -> entry.getString("_id"));
	}

	private static boolean isLive(Case found) {
		return CaseStatus.WITH_DEADLINES.contains(found.status()) && found.mergedInto() == null;
	}

	/** What the queue and the deadline scan need of a case. */
	record Entry(@Id String id, CaseStatus status, int priority, Instant firstReportedAt, Category category,
			String localityCode, boolean overdue, Instant nextDeadlineAt) {

		static Entry of(Case found) {
			return new Entry(found.id(), found.status(), found.priority(), found.firstReportedAt(), found.category(),
					found.localityCode(), found.overdue(), found.nextDeadlineAt());
		}

	}

}
