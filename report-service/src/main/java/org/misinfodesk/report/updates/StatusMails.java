package org.misinfodesk.report.updates;

import java.time.Instant;

import org.misinfodesk.report.tracking.StatusChange;
import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * The mails owed to reporters, in {@value #COLLECTION}: written when a status change is applied,
 * claimed one at a time by the sender with a lease, and marked sent, retried later, or given up.
 */
@Repository
public class StatusMails {

	static final String COLLECTION = "status_mails";

	private final ReactiveMongoTemplate mongo;

	StatusMails(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * Owes a mail for the change when the report has a consenting contact; again for the same change
	 * does nothing.
	 */
	public Mono<Void> oweFor(StatusChange change, Instant now) {
		Query consenting = Query.query(Criteria.where("_id").is(change.reportId()).and("contact").exists(true));
		return this.mongo.exists(consenting, "reports").flatMap((hasContact) -> {
			if (!hasContact) {
				return Mono.<Void>empty();
			}
			StatusMail mail = new StatusMail(change.reportId() + ":" + change.eventId(), change.reportId(),
					change.status().name(), change.publicNote(), StatusMail.State.PENDING, 0, now, null, now);
			return this.mongo.insert(mail, COLLECTION).then().onErrorResume(DuplicateKeyException.class, (again) -> Mono.empty());
		});
	}

	/** Takes the next due mail for {@code lease}, counting the attempt. */
	Mono<StatusMail> claimNext(Instant now, Instant leaseUntil) {
		Query due = Query.query(Criteria.where("state").is(StatusMail.State.PENDING.name()).and("nextAttemptAt").lte(now))
			.with(Sort.by("nextAttemptAt"));
		return this.mongo.findAndModify(due, new Update().set("nextAttemptAt", leaseUntil).inc("attempts", 1),
				FindAndModifyOptions.options().returnNew(true), StatusMail.class, COLLECTION);
	}

	Mono<Void> settle(StatusMail mail, StatusMail.State state, Instant nextAttemptAt, String error) {
		Update update = new Update().set("state", state.name()).set("nextAttemptAt", nextAttemptAt).set("lastError", error);
		return this.mongo.updateFirst(Query.query(Criteria.where("_id").is(mail.id())), update, COLLECTION).then();
	}

	Mono<StatusMail> findById(String id) {
		return this.mongo.findById(id, StatusMail.class, COLLECTION);
	}

}
