package org.misinfodesk.report.tracking;

import java.time.Instant;
import java.util.Date;

import org.bson.Document;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * The tracking view of the {@value #COLLECTION} collection: looks reports up by code and records
 * their status changes.
 */
@Repository
public class TrackedReports {

	public static final String COLLECTION = "reports";

	private final ReactiveMongoTemplate mongo;

	TrackedReports(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	public Mono<TrackedReport> findByTrackingCode(TrackingCode code) {
		Query query = Query.query(Criteria.where("trackingCode").is(code.value()));
		query.fields().include("trackingCode", "status", "history", "publicNote", "contact.keyId");
		return this.mongo.findOne(query, TrackedReport.class, COLLECTION);
	}

	/**
	 * Deletes the reporter's contact: consent withdrawn. Mails still owed are then cancelled by their
	 * sender, which finds no contact to open.
	 * @return whether there was a contact to delete
	 */
	public Mono<Boolean> withdrawContact(TrackingCode code, Instant at) {
		Query query = Query.query(Criteria.where("trackingCode").is(code.value()).and("contact").exists(true));
		return this.mongo.updateFirst(query, new Update().unset("contact").set("contactWithdrawnAt", Date.from(at)),
				COLLECTION)
			.map((result) -> result.getModifiedCount() > 0);
	}

	/**
	 * Sets the status and appends the step in one document write, unless a step of the same event is
	 * already there.
	 * @return whether the report changed
	 */
	Mono<Boolean> record(StatusChange change) {
		Query notYetApplied = Query.query(Criteria.where("_id")
			.is(change.reportId())
			.and("history." + StatusEntry.EVENT_ID)
			.ne(change.eventId()));
		Update update = new Update().set("status", change.status().name())
			.push("history", new Document("status", change.status().name()).append("at", Date.from(change.changedAt()))
				.append(StatusEntry.EVENT_ID, change.eventId()));
		if (change.publicNote() != null) {
			update.set("publicNote", change.publicNote());
		}
		return this.mongo.updateFirst(notYetApplied, update, COLLECTION)
			.map((result) -> result.getModifiedCount() > 0);
	}

	Mono<Boolean> exists(String reportId) {
		return this.mongo.exists(Query.query(Criteria.where("_id").is(reportId)), COLLECTION);
	}

}
