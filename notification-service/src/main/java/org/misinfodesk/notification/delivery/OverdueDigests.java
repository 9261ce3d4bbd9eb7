package org.misinfodesk.notification.delivery;

import java.time.Instant;
import java.util.List;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * Overdue cases waiting for the supervisors' digest ({@code overdue-digest}, keyed by case,
 * routing, agency and deadline) and the leases on digest periods ({@code digest-periods}, keyed by
 * the period). Both are looked up by {@code _id} only, the one index the embedded store honours,
 * and both stay small: entries leave once their digest is scheduled, periods after a day.
 */
@Repository
class OverdueDigests {

	static final String ENTRIES = "overdue-digest";

	static final String PERIODS = "digest-periods";

	private final ReactiveMongoTemplate mongo;

	OverdueDigests(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** @return whether it was new; {@code false} when an earlier copy of the event recorded it */
	Mono<Boolean> record(OverdueEntry entry) {
		return this.mongo.insert(entry)
			.thenReturn(true)
			.onErrorResume(DuplicateKeyException.class, (ex) -> Mono.just(false));
	}

	/** Every entry recorded before {@code end}, however old: a period whose digest was missed is caught up. */
	Flux<OverdueEntry> recordedBefore(Instant end) {
		return this.mongo.find(Query.query(Criteria.where("recordedAt").lt(end)).with(Sort.by("dueAt", "_id")),
				OverdueEntry.class);
	}

	Mono<Long> remove(List<String> ids) {
		if (ids.isEmpty()) {
			return Mono.just(0L);
		}
		return this.mongo.remove(Query.query(Criteria.where("_id").in(ids)), OverdueEntry.class)
			.map((result) -> result.getDeletedCount());
	}

	/**
	 * Takes the lease on a period, unless another instance holds an unexpired one or the period is
	 * done: the first claim inserts the period's document, a later one may only take over an
	 * expired lease of an unfinished period.
	 * @return whether {@code holder} now holds it
	 */
	Mono<Boolean> claim(String period, String holder, Instant now, Instant leaseUntil) {
		return this.mongo.insert(new DigestPeriod(period, holder, leaseUntil, null, 0))
			.thenReturn(true)
			.onErrorResume(DuplicateKeyException.class, (ex) -> this.mongo
				.updateFirst(Query.query(Criteria.where("_id").is(period).and("doneAt").is(null).and("leaseUntil").lte(now)),
						new Update().set("holder", holder).set("leaseUntil", leaseUntil), DigestPeriod.class)
				.map((result) -> result.getModifiedCount() == 1));
	}

	/** Marks the period done, provided {@code holder} still holds it. */
	Mono<Boolean> done(String period, String holder, Instant now, int cases) {
		return this.mongo
			.updateFirst(Query.query(Criteria.where("_id").is(period).and("holder").is(holder)),
					new Update().set("doneAt", now).set("cases", cases), DigestPeriod.class)
			.map((result) -> result.getModifiedCount() == 1);
	}

	Mono<DigestPeriod> findPeriod(String period) {
		return this.mongo.findById(period, DigestPeriod.class);
	}

	/** Forgets the leases of finished periods that ended before {@code before}. */
	Mono<Long> forgetPeriodsDoneBefore(Instant before) {
		return this.mongo.remove(Query.query(Criteria.where("doneAt").lt(before)), DigestPeriod.class)
			.map((result) -> result.getDeletedCount());
	}

}
