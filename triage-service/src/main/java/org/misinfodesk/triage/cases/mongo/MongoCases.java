package org.misinfodesk.triage.cases.mongo;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.bson.Document;
import org.misinfodesk.platform.outbox.Outbox;
import org.misinfodesk.platform.outbox.OutboxEvent;
import org.misinfodesk.triage.cases.AuditEntry;
import org.misinfodesk.triage.cases.Case;
import org.misinfodesk.triage.cases.CaseChanges;
import org.misinfodesk.triage.cases.CaseReadModels;
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
			.flatMap((inserted) -> keepReadModels(null, inserted))
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
		return change(read, query, appended(update, entries, events), !events.isEmpty());
	}

	@Override
	public Mono<Case> release(Case read, String analyst, AuditEntry entry) {
		Query query = Query.query(where("_id").is(read.id()).and("claim.by").is(analyst));
		return change(read, query, appended(new Update().unset("claim"), List.of(entry), List.of()), false);
	}

	@Override
	public Mono<Case> decide(Case read, String analyst, Instant now, Outcome outcome) {
		Query query = unchangedSince(read).addCriteria(where("status").in(CaseStatus.OPEN))
			.addCriteria(where("claim.by").is(analyst).and("claim.expiresAt").gt(now));
		return change(read, query, appended(decided(outcome).unset("claim"), outcome.entries(), outcome.events()),
				!outcome.events().isEmpty());
	}

	@Override
	public Mono<Case> reroute(Case read, Outcome outcome) {
		return change(read, unchangedSince(read), appended(decided(outcome), outcome.entries(), outcome.events()),
				!outcome.events().isEmpty());
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
		return change(read, query, appended(update, List.of(response.entry()), response.events()),
				!response.events().isEmpty());
	}

	@Override
	public Mono<Case> join(Case read, Joined joined) {
		Query query = unchangedSince(read).addCriteria(where("status").in(CaseStatus.OPEN));
		Update update = new Update().push("reports", joined.report())
			.inc("reportCount", 1)
			.set("priority", joined.priority())
			.set("lastReportedAt", joined.lastReportedAt())
			.set("signatures", joined.signatures())
			.set("urlKeys", joined.urlKeys());
		return change(read, query, appended(update, List.of(joined.entry()), joined.events()), !joined.events().isEmpty());
	}

	@Override
	public Mono<Case> markOverdue(Case read, Overdue overdue) {
		Update update = new Update().set("agencies", overdue.agencies())
			.set("overdue", true)
			.set("priority", overdue.priority())
			.set("nextDeadlineAt", overdue.nextDeadlineAt());
		return change(read, unchangedSince(read), appended(update, overdue.entries(), overdue.events()),
				!overdue.events().isEmpty());
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
		return change(read, unchangedSince(read), appended(update, regrouped.entries(), regrouped.events()),
				!regrouped.events().isEmpty());
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

	private Mono<Case> change(Case read, Query query, Update update, boolean withEvents) {
		return this.mongo.findAndModify(query, update, RETURN_NEW, Case.class).doOnNext((changed) -> {
			if (withEvents) {
				this.outbox.wake(Case.COLLECTION, changed.id());
			}
			announce(changed);
		}).flatMap((changed) -> keepReadModels(read, changed));
	}

	/**
	 * The case write stands whatever happens here: a read model that cannot keep up logs it rather
	 * than failing a change that was made (and would not be made again on a retry). The read models
	 * are separate collections, so they are written at the same time.
	 */
	private Mono<Case> keepReadModels(Case before, Case after) {
		Mono<Void> queue = this.live.written(after).onErrorResume((ex) -> {
			log.warn("The queue's read model missed a change of case {}; it is put right at the next start",
					after.id(), ex);
			return Mono.empty();
		});
		Mono<Void> others = Flux.fromIterable(this.readModels)
			.flatMap((model) -> model.written(before, after).onErrorResume((ex) -> {
				log.warn("Read model {} missed a change of case {}", model.getClass().getSimpleName(), after.id(), ex);
				return Mono.empty();
			}))
			.then();
		return Mono.when(queue, others).thenReturn(after);
	}

	private void announce(Case changed) {
		this.changes.announce(changed);
	}

}
