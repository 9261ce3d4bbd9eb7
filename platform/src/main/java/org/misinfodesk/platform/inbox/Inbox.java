package org.misinfodesk.platform.inbox;

import java.time.Clock;
import java.util.Date;

import org.bson.Document;
import org.misinfodesk.platform.events.IncomingEvent;
import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Remembers which events each handler has processed, keyed by handler and {@code ce_id} (the
 * document id, so the store's unique index does the deduplication). Handlers should still be
 * idempotent by their business key: a crash between the work and the remembering replays the work.
 */
public class Inbox {

	static final String COLLECTION = "inbox";

	private final ReactiveMongoTemplate mongo;

	private final Clock clock;

	public Inbox(ReactiveMongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	/**
	 * Runs {@code work} unless this handler already processed the event.
	 * @return whether the work ran
	 */
	public Mono<Boolean> once(String handler, IncomingEvent event, Mono<?> work) {
		String id = handler + "/" + event.id();
		return this.mongo.exists(Query.query(Criteria.where("_id").is(id)), COLLECTION)
			.flatMap((seen) -> seen ? Mono.just(false) : work.then(remember(id, event)).thenReturn(true));
	}

	private Mono<Void> remember(String id, IncomingEvent event) {
		Document processed = new Document("_id", id).append("type", event.type())
			.append("processedAt", Date.from(this.clock.instant()));
		return this.mongo.insert(processed, COLLECTION)
			.onErrorResume(DuplicateKeyException.class, (ex) -> Mono.empty())
			.then();
	}

}
