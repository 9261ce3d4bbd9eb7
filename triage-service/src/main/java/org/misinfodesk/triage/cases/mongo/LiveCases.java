package org.misinfodesk.triage.cases.mongo;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.bson.Document;
import org.misinfodesk.platform.store.BulkOutcome;
import org.misinfodesk.triage.cases.Case;
import org.misinfodesk.triage.cases.CaseStatus;
import org.misinfodesk.triage.cases.CaseSummary;
import org.misinfodesk.triage.cases.Category;
import org.misinfodesk.triage.cases.Claim;
import org.misinfodesk.triage.cases.QueueFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.ReactiveBulkOperations;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.ReplaceOptions;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The queue's read model: one small entry per case whose deadlines still run (new, in review or
 * routed), with what the queue filters and sorts on, what its lines show ({@link CaseSummary}) and
 * what the deadline scan looks for. The history of closed and resolved cases grows without end;
 * this stays as small as the work at hand, so the queue's pages and the deadline scan never read
 * the history, on the embedded store (which serves no secondary index) or on MongoDB (where the
 * indexes below serve them), and a page never reads a case's reports, audit trail or signatures.
 * <p>
 * An entry is written after its case, so a crash between the two can leave it stale or missing,
 * and two writes of one case finishing out of order could leave the older: an entry carries its
 * case's version and is never replaced by an older one, readers compare it with the case's version
 * (one small index-served read), and {@link #rebuild()} at start puts the entries right from the
 * cases themselves.
 */
@Component
class LiveCases implements InitializingBean {

	/** Attempts of the rebuild at start. */
	static final int REBUILD_ATTEMPTS = 4;

	static final String COLLECTION = "live_cases";

	private static final Logger log = LoggerFactory.getLogger(LiveCases.class);

	/** What an entry is made from (and the cases' primitives, which a record cannot leave unset). */
	private static final List<String> ENTRY_FIELDS = List.of("version", "status", "priority", "reportCount", "summary",
			"reports.categoryHint", "firstReportedAt", "lastReportedAt", "dueAt", "claim", "category", "localityCode",
			"overdue", "nextDeadlineAt", "mergedInto", "routing");

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
		return written(List.of(after));
	}

	/**
	 * Keeps the entries of cases just written, in one command: the entry of each live case written
	 * unless a newer one is there, that of any other removed.
	 */
	Mono<Void> written(List<Case> written) {
		if (written.isEmpty()) {
			return Mono.empty();
		}
		ReactiveBulkOperations writes = this.mongo.bulkOps(BulkMode.UNORDERED, COLLECTION);
		for (Case after : written) {
			if (isLive(after)) {
				Entry entry = Entry.of(after);
				writes.replaceOne(olderOrNone(entry), entry, FindAndReplaceOptions.options().upsert());
			}
			else {
				writes.remove(Query.query(where("_id").is(after.id())));
			}
		}
		return writes.execute().then().onErrorResume(BulkOutcome::onlyDuplicates, (newerKept) -> Mono.empty());
	}

	private static Query olderOrNone(Entry entry) {
		return Query.query(where("_id").is(entry.id())
			.orOperator(where("version").lt(entry.version()), where("version").exists(false)));
	}

	/**
	 * Writes the entry unless one from the same or a newer version of its case is there already
	 * (then the upsert's insert meets the {@code _id} and is refused).
	 */
	private Mono<Void> keep(Entry entry) {
		return this.mongo.replace(olderOrNone(entry), entry, ReplaceOptions.replaceOptions().upsert(), COLLECTION)
			.then()
			.onErrorResume(DuplicateKeyException.class, (newerKept) -> Mono.empty());
	}

	/** The entries of the cases the filter lets through, most urgent first. */
	Flux<Entry> find(QueueFilter filter, int limit) {
		// the entries carry the fields the cases' own filter reads, under the same names
		Query query = Query.query(MongoCases.criteria(filter))
			.with(Sort.by(Sort.Order.desc("priority"), Sort.Order.asc("firstReportedAt"), Sort.Order.asc("_id")))
			.limit(limit);
		return this.mongo.find(query, Entry.class, COLLECTION);
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
	 * the live cases once (served by the {@code cases} status index on MongoDB), only the fields an
	 * entry holds.
	 * @return how many live cases it found plus how many other entries it checked
	 */
	Mono<Long> rebuild() {
		Set<String> live = new HashSet<>();
		Query liveCases = Query.query(where("status").in(CaseStatus.WITH_DEADLINES));
		includeEntryFields(liveCases);
		liveCases.cursorBatchSize(500);
		Mono<Long> written = this.mongo.find(liveCases, Case.class)
			.filter(LiveCases::isLive)
			.doOnNext((found) -> live.add(found.id()))
			.concatMap((found) -> keep(Entry.of(found)).thenReturn(found))
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

	/**
	 * Rebuilds once the service is ready, trying again when the store does not answer in time: on the
	 * embedded store the read of a large history competes with the outbox's start sweep of the same
	 * collection, and the first attempt can pass the driver's read timeout.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void rebuildOnStart() {
		rebuild().doOnError((ex) -> log.info("Queue read model rebuild failed, trying again: {}", ex.toString()))
			.retryWhen(Retry.backoff(REBUILD_ATTEMPTS - 1, Duration.ofSeconds(2)))
			.subscribe((count) -> {
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

	/**
	 * Reads of a case only what its entry (and so its queue line) is made of: never its reports'
	 * texts, audit trail, signatures or pending events.
	 */
	static Query includeEntryFields(Query query) {
		for (String field : ENTRY_FIELDS) {
			query.fields().include(field);
		}
		return query;
	}

	private Flux<String> ids(Query query) {
		query.fields().include("_id");
		return this.mongo.find(query, Document.class, COLLECTION).map((entry) -> entry.getString("_id"));
	}

	private static boolean isLive(Case found) {
		return CaseStatus.WITH_DEADLINES.contains(found.status()) && found.mergedInto() == null;
	}

	/**
	 * What the queue shows and sorts on and the deadline scan needs of a case, as of {@code version}.
	 *
	 * @param version {@code null} in an entry written before entries carried their case's version and
	 * queue line: such an entry is behind its case whatever the case's version
	 * @param claim the claim as stored, expired or not: whether it still holds is decided when read
	 */
	record Entry(@Id String id, Long version, CaseStatus status, int priority, Integer reportCount, String summary,
			Category categoryHint, Instant firstReportedAt, Instant lastReportedAt, Instant dueAt, Claim claim,
			Category category, String localityCode, boolean overdue, Instant nextDeadlineAt) {

		static Entry of(Case found) {
			return new Entry(found.id(), found.version(), found.status(), found.priority(), found.reportCount(),
					found.summary(), found.categoryHint(), found.firstReportedAt(), found.lastReportedAt(),
					found.dueAt(), found.claim(), found.category(), found.localityCode(), found.overdue(),
					found.nextDeadlineAt());
		}

		/** The queue line, as {@link CaseSummary#of} makes it from the case itself. */
		CaseSummary summaryAt(Instant now) {
			String holder = (this.claim != null && this.claim.activeAt(now)) ? this.claim.by() : null;
			return new CaseSummary(this.id, this.status, this.priority, this.reportCount, this.summary,
					this.categoryHint, this.firstReportedAt, this.lastReportedAt, this.dueAt, holder,
					(holder != null) ? this.claim.expiresAt() : null, this.category, this.localityCode, this.overdue);
		}

	}

}
