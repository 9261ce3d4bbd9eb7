package org.misinfodesk.triage.cases.mongo;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.misinfodesk.platform.outbox.Outbox;
import org.misinfodesk.platform.outbox.OutboxEvent;
import org.misinfodesk.triage.cases.AuditEntry;
import org.misinfodesk.triage.cases.Case;
import org.misinfodesk.triage.cases.CaseChanges;
import org.misinfodesk.triage.cases.CaseStatus;
import org.misinfodesk.triage.cases.Cases;
import org.misinfodesk.triage.cases.Claim;
import org.misinfodesk.triage.cases.RoutedAgency;
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

	static final String REPORT_ID_INDEX = "report_in_one_case";

	private static final FindAndModifyOptions RETURN_NEW = FindAndModifyOptions.options().returnNew(true);

	private final ReactiveMongoTemplate mongo;

	private final Outbox outbox;

	private final CaseChanges changes;

	MongoCases(ReactiveMongoTemplate mongo, Outbox outbox, CaseChanges changes) {
		this.mongo = mongo;
		this.outbox = outbox;
		this.changes = changes;
	}

	/**
	 * A report belongs to at most one case. The case id already guarantees it while every report opens
	 * its own case; once reports join existing cases this index is what keeps a redelivered report from
	 * landing in a second one.
	 */
	@Override
	public void afterPropertiesSet() {
		this.mongo.indexOps(Case.class)
			.createIndex(new Index().on("reports.reportId", Sort.Direction.ASC).unique().named(REPORT_ID_INDEX))
			.block(Duration.ofSeconds(30));
	}

	@Override
	public Mono<Boolean> open(Case opened) {
		return this.mongo.insert(opened)
			.doOnNext(this::announce)
			.thenReturn(true)
			.onErrorResume(DuplicateKeyException.class, (ex) -> Mono.just(false));
	}

	@Override
	public Mono<Case> findById(String id) {
		return this.mongo.findById(id, Case.class);
	}

	@Override
	public Flux<Case> findByStatus(Collection<CaseStatus> statuses, int limit) {
		Query query = Query.query(where("status").in(statuses))
			.with(Sort.by(Sort.Order.desc("priority"), Sort.Order.asc("firstReportedAt"), Sort.Order.asc("_id")))
			.limit(limit);
		query.fields().exclude(OutboxEvent.FIELD);
		return this.mongo.find(query, Case.class);
	}

	@Override
	public Mono<Case> claim(Case read, Claim claim, List<AuditEntry> entries, List<OutboxEvent> events) {
		Criteria claimable = new Criteria().orOperator(where("claim").is(null),
				where("claim.expiresAt").lte(claim.at()), where("claim.by").is(claim.by()));
		Query query = unchangedSince(read).addCriteria(where("status").in(CaseStatus.OPEN))
			.addCriteria(claimable);
		Update update = new Update().set("claim", claim).set("status", CaseStatus.IN_REVIEW);
		return change(query, appended(update, entries, events), !events.isEmpty());
	}

	@Override
	public Mono<Case> release(Case read, String analyst, AuditEntry entry) {
		Query query = Query.query(where("_id").is(read.id()).and("claim.by").is(analyst));
		return change(query, appended(new Update().unset("claim"), List.of(entry), List.of()), false);
	}

	@Override
	public Mono<Case> decide(Case read, String analyst, Instant now, Outcome outcome) {
		Query query = unchangedSince(read).addCriteria(where("status").in(CaseStatus.OPEN))
			.addCriteria(where("claim.by").is(analyst).and("claim.expiresAt").gt(now));
		Update update = new Update().set("status", outcome.status())
			.set("decision", outcome.decision())
			.set("routing", outcome.routing())
			.set("agencies", outcome.agencies())
			.unset("claim");
		return change(query, appended(update, outcome.entries(), outcome.events()), !outcome.events().isEmpty());
	}

	@Override
	public Mono<Case> recordResponse(Case read, List<RoutedAgency> agencies, AuditEntry entry) {
		Query query = unchangedSince(read).addCriteria(where("audit.eventId").ne(entry.eventId()));
		return change(query, appended(new Update().set("agencies", agencies), List.of(entry), List.of()), false);
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

	private Mono<Case> change(Query query, Update update, boolean withEvents) {
		return this.mongo.findAndModify(query, update, RETURN_NEW, Case.class).doOnNext((changed) -> {
			if (withEvents) {
				this.outbox.wake();
			}
			announce(changed);
		});
	}

	private void announce(Case changed) {
		this.changes.announce(changed);
	}

}
