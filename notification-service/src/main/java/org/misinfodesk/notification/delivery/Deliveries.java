package org.misinfodesk.notification.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

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

/**
 * The deliveries ({@code deliveries} collection). Their state lives here, not in memory, so a
 * restarted or second instance carries on where another stopped.
 */
@Repository
public class Deliveries implements InitializingBean {

	static final String COLLECTION = "deliveries";

	private final ReactiveMongoTemplate mongo;

	Deliveries(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public void afterPropertiesSet() {
		var indexes = this.mongo.indexOps(COLLECTION);
		indexes.createIndex(new Index("caseId", Sort.Direction.ASC)).block(Duration.ofSeconds(30));
		indexes.createIndex(new Index("state", Sort.Direction.ASC).on("nextAttemptAt", Sort.Direction.ASC))
			.block(Duration.ofSeconds(30));
	}

	/** @return whether it was new; {@code false} when an earlier copy of the event created it */
	Mono<Boolean> insertIfAbsent(Delivery delivery) {
		return this.mongo.insert(delivery)
			.thenReturn(true)
			.onErrorResume(DuplicateKeyException.class, (ex) -> Mono.just(false));
	}

	/**
	 * Claims the most overdue pending delivery for one attempt. The claim moves its
	 * {@code nextAttemptAt} to the end of a lease, so no other dispatcher sees it as due while the
	 * attempt runs, and a dispatcher that dies mid-attempt only delays it by the lease.
	 */
	Mono<Delivery> claimDue(Instant now, Duration lease) {
		Query due = Query
			.query(Criteria.where("state").is(DeliveryState.PENDING).and("nextAttemptAt").lte(now))
			.with(Sort.by("nextAttemptAt"));
		Update claim = new Update().set("nextAttemptAt", now.plus(lease)).set("leaseId", UUID.randomUUID().toString());
		return this.mongo.findAndModify(due, claim, FindAndModifyOptions.options().returnNew(true), Delivery.class);
	}

	/**
	 * Claims one delivery by id, as {@link #claimDue} does, if it is pending and due.
	 */
	Mono<Delivery> claim(String id, Instant now, Duration lease) {
		Query due = Query.query(Criteria.where("_id")
			.is(id)
			.and("state")
			.is(DeliveryState.PENDING)
			.and("nextAttemptAt")
			.lte(now));
		Update claim = new Update().set("nextAttemptAt", now.plus(lease)).set("leaseId", UUID.randomUUID().toString());
		return this.mongo.findAndModify(due, claim, FindAndModifyOptions.options().returnNew(true), Delivery.class);
	}

	/**
	 * Records the attempt a claim made, and what comes next, unless the lease was lost meanwhile.
	 * @param nextAttemptAt when to try again; {@code null} when there is nothing more to try
	 */
	Mono<Boolean> record(Delivery claimed, Attempt attempt, DeliveryState state, Instant nextAttemptAt,
			Instant deliveredAt) {
		Query leased = Query.query(Criteria.where("_id").is(claimed.id()).and("leaseId").is(claimed.leaseId()));
		Update update = new Update().push("attempts", attempt).set("state", state).unset("leaseId");
		if (nextAttemptAt != null) {
			update.set("nextAttemptAt", nextAttemptAt);
		}
		else {
			update.unset("nextAttemptAt");
		}
		if (deliveredAt != null) {
			update.set("deliveredAt", deliveredAt);
		}
		return this.mongo.updateFirst(leased, update, Delivery.class).map((result) -> result.getModifiedCount() == 1);
	}

	Mono<Long> countPending() {
		return this.mongo.count(Query.query(Criteria.where("state").is(DeliveryState.PENDING)), Delivery.class);
	}

	Mono<Delivery> oldestPending() {
		return this.mongo.findOne(Query.query(Criteria.where("state").is(DeliveryState.PENDING))
			.with(Sort.by("createdAt", "_id"))
			.limit(1), Delivery.class);
	}

	/**
	 * Starts the schedule of a delivered or failed delivery again, with the same body and
	 * {@code webhook-id}, keeping its earlier attempts.
	 * @return the delivery as it now is; empty when it is pending already (or unknown)
	 */
	public Mono<Delivery> replay(String id, Instant now) {
		Query finished = Query.query(Criteria.where("_id").is(id).and("state").ne(DeliveryState.PENDING));
		return this.mongo.findById(id, Delivery.class).flatMap((current) -> {
			Update restart = new Update().set("state", DeliveryState.PENDING)
				.set("nextAttemptAt", now)
				.set("scheduleStart", current.attempts().size())
				.unset("deliveredAt")
				.unset("leaseId");
			return this.mongo.findAndModify(finished, restart, FindAndModifyOptions.options().returnNew(true),
					Delivery.class);
		});
	}

	public Mono<Delivery> findById(String id) {
		return this.mongo.findById(id, Delivery.class);
	}

	/** The failed webhook deliveries to one endpoint created since a time, oldest first. */
	public Flux<Delivery> findFailedToEndpointSince(String endpointId, Instant since) {
		return this.mongo.find(Query.query(Criteria.where("target.endpointId")
			.is(endpointId)
			.and("state")
			.is(DeliveryState.FAILED)
			.and("createdAt")
			.gte(since)).with(Sort.by("createdAt", "_id")), Delivery.class);
	}

	/** The most recent deliveries in one state, newest first. */
	public Flux<Delivery> findByState(DeliveryState state, int limit) {
		return this.mongo.find(Query.query(Criteria.where("state").is(state))
			.with(Sort.by(Sort.Direction.DESC, "createdAt", "_id"))
			.limit(limit), Delivery.class);
	}

	/** A case's deliveries, in the order they were created. */
	public Flux<Delivery> findByCase(String caseId) {
		return this.mongo.find(Query.query(Criteria.where("caseId").is(caseId)).with(Sort.by("createdAt", "_id")),
				Delivery.class);
	}

}
