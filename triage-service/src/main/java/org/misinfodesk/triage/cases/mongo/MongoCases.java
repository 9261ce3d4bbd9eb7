package org.misinfodesk.triage.cases.mongo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.bson.Document;
import org.misinfodesk.platform.outbox.Outbox;
import org.misinfodesk.platform.outbox.OutboxEvent;
import org.misinfodesk.platform.store.BulkOutcome;
import org.misinfodesk.triage.cases.AuditEntry;
import org.misinfodesk.triage.cases.Case;
import org.misinfodesk.triage.cases.CaseChanges;
import org.misinfodesk.triage.cases.CaseReadModels;
import org.misinfodesk.triage.cases.CaseReadModels.Written;
import org.misinfodesk.triage.cases.CaseStatus;
import org.misinfodesk.triage.cases.CaseSummary;
import org.misinfodesk.triage.cases.Cases;
import org.misinfodesk.triage.cases.Claim;
import org.misinfodesk.triage.cases.QueueFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import static org.springframework.data.mongodb.core.query.Criteria.where;

@Repository
class MongoCases implements Cases, InitializingBean {

	private static final Logger log = LoggerFactory.getLogger(MongoCases.class);

	static final String REPORT_ID_INDEX = "report_in_one_case";

	private static final FindAndModifyOptions RETURN_NEW = FindAndModifyOptions.options().returnNew(true);

	private final ReactiveMongoTemplate mongo;

	private final Outbox outbox;

	private final CaseChanges changes;

	private final List<CaseReadModels> readModels;

	private final LiveCases live;

	MongoCases(ReactiveMongoTemplate mongo, Outbox outbox, CaseChanges changes, List<CaseReadModels> readModels,
			LiveCases live) {
		this.live = live;
		this.mongo = mongo;
		this.outbox = outbox;
		this.changes = changes;
		this.readModels = List.copyOf(readModels);
	}

	/**
	 * A report belongs to at most one case: this index is what keeps a redelivered report from
	 * landing in a second one, and a moved report from being in two at once. The queue and the
	 * deadline scan read {@link LiveCases}; the status index serves that read model's rebuild, and
	 * the other one the export, on a real MongoDB (the embedded store ignores both).
	 */
	@Override
	public void afterPropertiesSet() {
		var indexes = this.mongo.indexOps(Case.class);
		indexes.createIndex(new Index().on("reports.reportId", Sort.Direction.ASC).unique().named(REPORT_ID_INDEX))
			.then(indexes.createIndex(new Index().on("status", Sort.Direction.ASC).named("status")))
			.then(indexes.createIndex(new Index().on("firstReportedAt", Sort.Direction.ASC).named("export")))
			.block(Duration.ofSeconds(30));
	}

	@Override
	public Mono<Boolean> open(Case opened) {
		return this.mongo.insert(opened)
			.doOnNext(this::announce)
			.flatMap((inserted) -> keepReadModels(List.of(new Written(null, inserted))))
			.thenReturn(true)
			.onErrorResume(DuplicateKeyException.class, (ex) -> Mono.just(false));
	}

	@Override
	public Mono<Case> findById(String id) {
		return this.mongo.findById(id, Case.class);
	}

	@Override
	public Mono<Case> findHolding(String reportId) {
		return this.mongo.findOne(Query.query(where("reports.reportId").is(reportId)), Case.class);
	}

	@Override
	public Mono<Set<String>> findHeld(Collection<String> reportIds) {
		if (reportIds.isEmpty()) {
			return Mono.just(Set.of());
		}
		Query query = Query.query(where("reports.reportId").in(reportIds));
		query.fields().include("reports.reportId");
		return this.mongo.find(query, Document.class, Case.COLLECTION)
			.flatMapIterable((found) -> found.getList("reports", Document.class))
			.map((report) -> report.getString("reportId"))
			.filter(reportIds::contains)
			.collect(Collectors.toSet());
	}

	@Override
	public Flux<Case> findAllById(Collection<String> ids, Collection<CaseStatus> statuses) {
		if (ids.isEmpty()) {
			return Flux.empty();
		}
		Query query = Query.query(where("_id").in(ids).and("status").in(statuses));
		query.fields().exclude(OutboxEvent.FIELD);
		return this.mongo.find(query, Case.class);
	}

	@Override
	public Flux<CaseSummary> list(QueueFilter filter, int limit, Instant now) {
		if (LiveCases.covers(filter.statuses())) {
			return this.live.find(filter, limit).collectList().flatMapMany((entries) -> current(entries, filter, now));
		}
		Query query = LiveCases.includeEntryFields(Query.query(criteria(filter))
			.with(Sort.by(Sort.Order.desc("priority"), Sort.Order.asc("firstReportedAt"), Sort.Order.asc("_id")))
			.limit(limit));
		return this.mongo.find(query, Case.class).map((found) -> CaseSummary.of(found, now));
	}

	/**
	 * The lines of the entries, in their order, after checking each against its case's version: an
	 * entry that a crash or a late write left behind its case gives way to the case as it is now,
	 * if the filter still lets it through.
	 */
	private Flux<CaseSummary> current(List<LiveCases.Entry> entries, QueueFilter filter, Instant now) {
		if (entries.isEmpty()) {
			return Flux.empty();
		}
		Query versions = Query.query(where("_id").in(entries.stream().map(LiveCases.Entry::id).toList()));
		versions.fields().include("version");
		return this.mongo.find(versions, Document.class, Case.COLLECTION)
			.collectMap((found) -> found.getString("_id"), (found) -> ((Number) found.get("version")).longValue())
			.flatMapMany((stored) -> {
				Set<String> behind = entries.stream()
					.filter((entry) -> entry.version() == null || !entry.version().equals(stored.get(entry.id())))
					.map(LiveCases.Entry::id)
					.collect(Collectors.toSet());
				return reread(behind, filter).flatMapIterable((fresh) -> entries.stream()
					.map((entry) -> behind.contains(entry.id())
							? Optional.ofNullable(fresh.get(entry.id())).map((found) -> CaseSummary.of(found, now))
							: Optional.of(entry.summaryAt(now)))
					.flatMap(Optional::stream)
					.toList());
			});
	}

	/** The cases, as they are now, that the filter still lets through. */
	private Mono<Map<String, Case>> reread(Set<String> ids, QueueFilter filter) {
		if (ids.isEmpty()) {
			return Mono.just(Map.of());
		}
		// one level of fields, so that the embedded store too finds them by the _id index
		Query query = Query.query(where("_id").in(ids)).addCriteria(criteria(filter));
		return this.mongo.find(LiveCases.includeEntryFields(query), Case.class).collectMap(Case::id);
	}

	@Override
	public Flux<Case> stream(QueueFilter filter, Instant from, Instant to) {
		Criteria criteria = criteria(filter);
		if (from != null || to != null) {
			Criteria period = where("firstReportedAt");
			if (from != null) {
				period = period.gte(from);
			}
			if (to != null) {
				period = period.lt(to);
			}
			criteria = new Criteria().andOperator(criteria, period);
		}
		Query query = Query.query(criteria).with(Sort.by(Sort.Order.asc("firstReportedAt"), Sort.Order.asc("_id")));
		query.fields().exclude(OutboxEvent.FIELD).exclude("audit").exclude("signatures");
		query.cursorBatchSize(200);
		return this.mongo.find(query, Case.class);
	}

	static Criteria criteria(QueueFilter filter) {
		Criteria criteria = where("status").in(filter.statuses());
		if (filter.category() != null) {
			criteria = criteria.and("category").is(filter.category());
		}
		if (filter.localityCode() != null) {
			criteria = criteria.and("localityCode").is(filter.localityCode());
		}
		if (filter.overdue() != null) {
			criteria = criteria.and("overdue").is(filter.overdue());
		}
		return criteria;
	}

	@Override
	public Flux<Case> findDeadlineDue(Instant now, int limit) {
		return this.live.deadlineDue(now, limit)
			.collectList()
			.flatMapMany((ids) -> inOrder(ids, findAllById(ids, CaseStatus.WITH_DEADLINES)
				.filter((found) -> found.nextDeadlineAt() != null && !found.nextDeadlineAt().isAfter(now))));
	}

	/** The cases found, in the order of the ids the read model gave (an entry gone stale drops out). */
	private static Flux<Case> inOrder(List<String> ids, Flux<Case> found) {
		Map<String, Integer> rank = new HashMap<>();
		for (int i = 0; i < ids.size(); i++) {
			rank.put(ids.get(i), i);
		}
		return found.collectSortedList(Comparator.comparing((Case one) -> rank.get(one.id())))
			.flatMapIterable(Function.identity());
	}

	@Override
	public Mono<Case> claim(Case read, Claim claim, List<AuditEntry> entries, List<OutboxEvent> events) {
		Criteria claimable = new Criteria().orOperator(where("claim").is(null),
				where("claim.expiresAt").lte(claim.at()), where("claim.by").is(claim.by()));
		Query query = unchangedSince(read).addCriteria(where("status").in(CaseStatus.OPEN))
			.addCriteria(claimable);
		Update update = new Update().set("claim", claim).set("status", CaseStatus.IN_REVIEW);
		return change(read, query, update, entries, events);
	}

	@Override
	public Mono<Case> release(Case read, String analyst, AuditEntry entry) {
		Query query = Query.query(where("_id").is(read.id()).and("claim.by").is(analyst));
		return change(read, query, new Update().unset("claim"), List.of(entry), List.of());
	}

	@Override
	public Mono<Case> decide(Case read, String analyst, Instant now, Outcome outcome) {
		Query query = unchangedSince(read).addCriteria(where("status").in(CaseStatus.OPEN))
			.addCriteria(where("claim.by").is(analyst).and("claim.expiresAt").gt(now));
		return change(read, query, decided(outcome).unset("claim"), outcome.entries(), outcome.events());
	}

	@Override
	public Mono<Case> reroute(Case read, Outcome outcome) {
		return change(read, unchangedSince(read), decided(outcome), outcome.entries(), outcome.events());
	}

	private static Update decided(Outcome outcome) {
		return new Update().set("status", outcome.status())
			.set("decision", outcome.decision())
			.set("category", outcome.decision().category())
			.set("localityCode", outcome.decision().localityCode())
			.set("routing", outcome.routing())
			.set("agencies", outcome.agencies())
			.set("overdue", false)
			.set("nextDeadlineAt", outcome.nextDeadlineAt());
	}

	@Override
	public Mono<Case> recordResponse(Case read, Response response) {
		Query query = unchangedSince(read).addCriteria(where("audit.eventId").ne(response.entry().eventId()));
		Update update = new Update().set("status", response.status())
			.set("agencies", response.agencies())
			.set("nextDeadlineAt", response.nextDeadlineAt())
			.set("overdue", response.overdue())
			.set("priority", response.priority());
		return change(read, query, update, List.of(response.entry()), response.events());
	}

	@Override
	public Mono<Case> join(Case read, List<Joined> joined) {
		return change(read, joining(read, joined));
	}

	@Override
	public Flux<Case> file(List<Case> opened, List<Joining> joinings) {
		Mono<List<Written>> inserted = insertAll(opened)
			.map((stored) -> stored.stream().map((one) -> new Written(null, one)).toList());
		Mono<List<Written>> joined = Flux.fromIterable(joinings)
			.flatMap((joining) -> modify(joining.read(), joining(joining.read(), joining.joined()))
				.map((after) -> new Written(joining.read(), after)))
			.collectList();
		return Mono.zip(inserted, joined).flatMapMany((both) -> {
			List<Written> written = new ArrayList<>(both.getT1());
			written.addAll(both.getT2());
			written.forEach((write) -> announce(write.after()));
			return keepReadModels(written).thenMany(Flux.fromIterable(written).map(Written::after));
		});
	}

	/** Inserts the cases in one command; those refused by a unique index are left out of the answer. */
	private Mono<List<Case>> insertAll(List<Case> opened) {
		if (opened.isEmpty()) {
			return Mono.just(List.of());
		}
		return this.mongo.bulkOps(BulkMode.UNORDERED, Case.class)
			.insert(opened)
			.execute()
			.thenReturn(opened)
			.onErrorResume(BulkOutcome::onlyDuplicates, (refused) -> {
				Set<Integer> positions = BulkOutcome.duplicates(refused);
				return Mono.just(IntStream.range(0, opened.size())
					.filter((i) -> !positions.contains(i))
					.mapToObj(opened::get)
					.toList());
			});
	}

	private static Change joining(Case read, List<Joined> joined) {
		Query query = unchangedSince(read).addCriteria(where("status").in(CaseStatus.OPEN));
		Joined last = joined.get(joined.size() - 1);
		Update update = new Update().push("reports").each(joined.stream().map(Joined::report).toArray())
			.inc("reportCount", joined.size())
			.set("priority", last.priority())
			.set("lastReportedAt", last.lastReportedAt())
			.set("signatures", last.signatures())
			.set("urlKeys", last.urlKeys());
		List<OutboxEvent> events = joined.stream().flatMap((one) -> one.events().stream()).toList();
		return new Change(query, appended(update, joined.stream().map(Joined::entry).toList(), events), events);
	}

	@Override
	public Mono<Case> markOverdue(Case read, Overdue overdue) {
		Update update = new Update().set("agencies", overdue.agencies())
			.set("overdue", true)
			.set("priority", overdue.priority())
			.set("nextDeadlineAt", overdue.nextDeadlineAt());
		return change(read, unchangedSince(read), update, overdue.entries(), overdue.events());
	}

	@Override
	public Mono<Case> regroup(Case read, Regrouped regrouped) {
		Update update = new Update().set("status", regrouped.status())
			.set("reports", regrouped.reports())
			.set("reportCount", regrouped.reports().size())
			.set("priority", regrouped.priority())
			.set("firstReportedAt", regrouped.firstReportedAt())
			.set("lastReportedAt", regrouped.lastReportedAt())
			.set("signatures", regrouped.signatures())
			.set("urlKeys", regrouped.urlKeys());
		if (regrouped.mergedInto() != null) {
			update.set("mergedInto", regrouped.mergedInto()).unset("claim").set("nextDeadlineAt", null);
		}
		return change(read, unchangedSince(read), update, regrouped.entries(), regrouped.events());
	}

	private static Query unchangedSince(Case read) {
		return Query.query(where("_id").is(read.id()).and("version").is(read.version()));
	}

	private static Update appended(Update update, List<AuditEntry> entries, List<OutboxEvent> events) {
		update.inc("version", 1).push("audit").each(entries.toArray());
		if (!events.isEmpty()) {
			update.push(OutboxEvent.FIELD).each(events.toArray());
		}
		return update;
	}

	private Mono<Case> change(Case read, Query query, Update update, List<AuditEntry> entries,
			List<OutboxEvent> events) {
		return change(read, new Change(query, appended(update, entries, events), events));
	}

	private Mono<Case> change(Case read, Change change) {
		return modify(read, change).doOnNext(this::announce)
			.flatMap((changed) -> keepReadModels(List.of(new Written(read, changed))).thenReturn(changed));
	}

	/** The conditional write itself, waking the outbox relay if it stored events. */
	private Mono<Case> modify(Case read, Change change) {
		return this.mongo.findAndModify(change.query(), change.update(), RETURN_NEW, Case.class)
			.doOnNext((changed) -> {
				if (!change.events().isEmpty()) {
					this.outbox.wake(Case.COLLECTION, changed.id(), change.events());
				}
			});
	}

	/**
	 * The case writes stand whatever happens here: a read model that cannot keep up logs it rather
	 * than failing a change that was made (and would not be made again on a retry). The read models
	 * are separate collections, so they are written at the same time, each in one command for all
	 * the writes.
	 */
	private Mono<Void> keepReadModels(List<Written> written) {
		if (written.isEmpty()) {
			return Mono.empty();
		}
		List<Case> after = written.stream().map(Written::after).toList();
		Mono<Void> queue = this.live.written(after).onErrorResume((ex) -> {
			log.warn("The queue's read model missed a change of cases {}; it is put right at the next start",
					ids(after), ex);
			return Mono.empty();
		});
		Mono<Void> others = Flux.fromIterable(this.readModels)
			.flatMap((model) -> model.written(written).onErrorResume((ex) -> {
				log.warn("Read model {} missed a change of cases {}", model.getClass().getSimpleName(), ids(after), ex);
				return Mono.empty();
			}))
			.then();
		return Mono.when(queue, others);
	}

	private static List<String> ids(List<Case> cases) {
		return cases.stream().map(Case::id).toList();
	}

	private void announce(Case changed) {
		this.changes.announce(changed);
	}

	/** A conditional write of one case, and whether it stores events for the relay. */
	private record Change(Query query, Update update, List<OutboxEvent> events) {
	}

}
