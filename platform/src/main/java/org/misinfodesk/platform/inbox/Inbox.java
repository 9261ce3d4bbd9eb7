package org.misinfodesk.platform.inbox;

import java.time.Clock;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.bson.Document;
import org.misinfodesk.platform.events.IncomingEvent;
import org.misinfodesk.platform.store.BulkOutcome;
import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.ReactiveBulkOperations;
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
		String id = idOf(handler, event);
		return this.mongo.exists(Query.query(Criteria.where("_id").is(id)), COLLECTION)
			.flatMap((seen) -> seen ? Mono.just(false) : work.then(remember(id, event)).thenReturn(true));
	}

	/**
	 * For handlers that work through a batch of events at once: which of them this handler already
	 * processed, read in one query.
	 * @return the ids of those events
	 */
	public Mono<Set<String>> seen(String handler, Collection<IncomingEvent> events) {
		if (events.isEmpty()) {
			return Mono.just(Set.of());
		}
		Query query = Query.query(Criteria.where("_id").in(events.stream().map((event) -> idOf(handler, event)).toList()));
		query.fields().include("_id");
		return this.mongo.find(query, Document.class, COLLECTION)
			.map((processed) -> processed.getString("_id").substring(handler.length() + 1))
			.collect(Collectors.toSet());
	}

	/**
	 * Remembers that this handler processed the events (after doing the work), in one command; an
	 * event remembered already stays as it was.
	 */
	public Mono<Void> remember(String handler, Collection<IncomingEvent> events) {
		Map<String, IncomingEvent> byId = new LinkedHashMap<>();
		events.forEach((event) -> byId.putIfAbsent(idOf(handler, event), event));
		if (byId.isEmpty()) {
			return Mono.empty();
		}
		ReactiveBulkOperations inserts = this.mongo.bulkOps(BulkMode.UNORDERED, COLLECTION);
		byId.forEach((id, event) -> inserts.insert(processed(id, event)));
		return inserts.execute().then().onErrorResume(BulkOutcome::onlyDuplicates, (remembered) -> Mono.empty());
	}

	private static String idOf(String handler, IncomingEvent event) {
		return handler + "/" + event.id();
	}

	private Document processed(String id, IncomingEvent event) {
		return new Document("_id", id).append("type", event.type()).append("processedAt", Date.from(this.clock.instant()));
	}

	private Mono<Void> remember(String id, IncomingEvent event) {
		Document processed = processed(id, event);
		return this.mongo.insert(processed, COLLECTION)
			.onErrorResume(DuplicateKeyException.class, (ex) -> Mono.empty())
			.then();
	}

}
