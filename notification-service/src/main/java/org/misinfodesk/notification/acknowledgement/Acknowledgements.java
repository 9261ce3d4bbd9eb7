package org.misinfodesk.notification.acknowledgement;

import java.time.Duration;
import java.time.Instant;

import org.misinfodesk.platform.outbox.OutboxEvent;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * The acknowledgements ({@code acknowledgements} collection, keyed by token), also an outbox
 * collection.
 */
@Repository
class Acknowledgements implements InitializingBean {

	static final String COLLECTION = "acknowledgements";

	private final ReactiveMongoTemplate mongo;

	Acknowledgements(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public void afterPropertiesSet() {
		this.mongo.indexOps(COLLECTION).createIndex(new Index("key", Sort.Direction.ASC).unique())
			.block(Duration.ofSeconds(30));
	}

	/** Stores a new acknowledgement, or finds the one an earlier delivery of the same routing stored. */
	Mono<Acknowledgement> open(Acknowledgement candidate) {
		return this.mongo.insert(candidate)
			.onErrorResume(DuplicateKeyException.class,
					(ex) -> this.mongo.findOne(Query.query(Criteria.where("key").is(candidate.key())),
							Acknowledgement.class));
	}

	Mono<Acknowledgement> findByKey(String key) {
		return this.mongo.findOne(Query.query(Criteria.where("key").is(key)), Acknowledgement.class);
	}

	/**
	 * Records the outcome and its event in one document write, unless an outcome was already
	 * recorded.
	 * @return whether this call recorded it
	 */
	Mono<Boolean> resolve(String token, Instant at, Outcome outcome, String note, OutboxEvent event) {
		Query unresolved = Query.query(Criteria.where("_id").is(token).and("resolvedAt").is(null));
		Update update = new Update().set("resolvedAt", at)
			.set("outcome", outcome)
			.set("outcomeNote", note)
			.push(OutboxEvent.FIELD, event);
		return this.mongo.updateFirst(unresolved, update, Acknowledgement.class)
			.map((result) -> result.getModifiedCount() == 1);
	}

	/** An agency's acknowledgements, newest first. */
	Flux<Acknowledgement> findByAgency(String agencyId, int limit) {
		return this.mongo.find(Query.query(Criteria.where("agencyId").is(agencyId))
			.with(Sort.by(Sort.Direction.DESC, "createdAt", "_id"))
			.limit(limit), Acknowledgement.class);
	}

	/** The acknowledgement of the latest routing of a case to an agency. */
	Mono<Acknowledgement> findLatest(String agencyId, String caseId) {
		return this.mongo.findOne(Query.query(Criteria.where("agencyId").is(agencyId).and("routed.caseId").is(caseId))
			.with(Sort.by(Sort.Direction.DESC, "routed.routing"))
			.limit(1), Acknowledgement.class);
	}

	Mono<Acknowledgement> find(String token) {
		return this.mongo.findById(token, Acknowledgement.class);
	}

	/**
	 * Records the acknowledgement and its event in one document write, unless it was already
	 * recorded.
	 * @return whether this call recorded it
	 */
	Mono<Boolean> acknowledge(String token, Instant at, String note, OutboxEvent event) {
		Query unacknowledged = Query
			.query(Criteria.where("_id").is(token).and("acknowledgedAt").is(null));
		Update update = new Update().set("acknowledgedAt", at).set("note", note).push(OutboxEvent.FIELD, event);
		return this.mongo.updateFirst(unacknowledged, update, Acknowledgement.class)
			.map((result) -> result.getModifiedCount() == 1);
	}

}
