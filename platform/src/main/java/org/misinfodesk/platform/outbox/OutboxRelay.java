package org.misinfodesk.platform.outbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.bson.Document;
import org.misinfodesk.platform.events.OutgoingRecords;
import org.misinfodesk.platform.polling.Rounds;
import org.misinfodesk.platform.polling.SweepSchedule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.ReactiveBulkOperations;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes the events that state changes left in their documents' {@code outbox} arrays, and
 * removes each one only after the broker acknowledged it ({@code acks=all}, idempotent producer).
 * A broker that is down delays events; it never loses them. Publishing twice (a crash between the
 * acknowledgement and the removal) is harmless because consumers deduplicate on {@code ce_id}.
 */
public class OutboxRelay implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	private final ReactiveMongoTemplate mongo;

	private final KafkaTemplate<String, String> kafka;

	private final OutboxSettings settings;

	private final OutboxMetrics metrics;

	private final SweepSchedule sweeps;

	private final Queue<Written> written = new ConcurrentLinkedQueue<>();

	private final Rounds rounds = new Rounds("outbox-relay");

	private final Scheduler scheduler = this.rounds.scheduler();

	public OutboxRelay(ReactiveMongoTemplate mongo, KafkaTemplate<String, String> kafka, OutboxSettings settings,
			OutboxMetrics metrics) {
		this.mongo = mongo;
		this.kafka = kafka;
		this.settings = settings;
		this.metrics = metrics;
		this.sweeps = new SweepSchedule(settings.sweepInterval());
	}

	/** Sweeps every outbox collection soon; several calls before the round starts make one round. */
	public void wake() {
		this.sweeps.ask();
		this.rounds.wake();
	}

	/** Publishes the events of one document that was just written, soon: they are read from it first. */
	public void wake(String collection, Object documentId) {
		this.written.add(new Written(collection, documentId, null));
		this.rounds.wake();
	}

	/**
	 * Publishes events that were just stored in one document, soon, as the writer hands them over:
	 * the document is not read again for them. They are removed from it once acknowledged, as any.
	 */
	public void wake(String collection, Object documentId, List<OutboxEvent> events) {
		this.written.add(new Written(collection, documentId, List.copyOf(events)));
		this.rounds.wake();
	}

	@Override
	public void start() {
		this.rounds.start(this.settings.pollInterval(), this::drainAll, (ex) -> {
			log.warn("Outbox round failed, will sweep at the next: {}", ex.toString());
			// the documents named for the failed round are no longer queued: the sweep finds them
			this.sweeps.ask();
		});
	}

	/**
	 * One round: the documents named since the last round, then, when one is due, a sweep over
	 * every outbox collection, repeated while full batches come back.
	 */
	Mono<Void> drainAll() {
		Mono<Void> named = Flux.fromIterable(takeWritten().entrySet())
			.concatMap((byCollection) -> Flux.fromIterable(byCollection.getValue().values())
				.buffer(this.settings.batchSize())
				.concatMap((documents) -> drainNamed(byCollection.getKey(), documents)))
			.then();
		return named.then(Mono.defer(() -> this.sweeps.due() ? sweep() : Mono.empty()));
	}

	/**
	 * The documents named since the last round, by collection, each once: with the events handed
	 * over for it, in the order they were written, or with none where a writer handed over none, so
	 * that the document is read for all of its events.
	 */
	private Map<String, Map<Object, Held>> takeWritten() {
		Map<String, Map<Object, Held>> byCollection = new LinkedHashMap<>();
		for (Written one = this.written.poll(); one != null; one = this.written.poll()) {
			byCollection.computeIfAbsent(one.collection(), (name) -> new LinkedHashMap<>())
				.merge(one.id(), new Held(one.id(), one.events()), Held::and);
		}
		return byCollection;
	}

	private Mono<Void> sweep() {
		Found found = new Found();
		return Flux.fromIterable(this.settings.collections())
			.concatMap((collection) -> drainPending(collection, found).expand((sent) -> sent >= this.settings.batchSize()
					? drainPending(collection, found) : Mono.empty()))
			.then(Mono.fromRunnable(() -> this.metrics.swept(found.documents, found.oldest)));
	}

	/**
	 * Publishes the events handed over for the named documents, and reads those named without any
	 * for the events they still have.
	 */
	private Mono<Void> drainNamed(String collection, List<Held> documents) {
		List<Held> handedOver = documents.stream().filter((document) -> document.events() != null).toList();
		List<Object> toRead = documents.stream().filter((document) -> document.events() == null).map(Held::id).toList();
		Mono<List<Held>> read = toRead.isEmpty() ? Mono.just(List.of()) : read(collection, toRead);
		return read.publishOn(this.scheduler).flatMap((found) -> {
			List<Held> pending = new ArrayList<>(handedOver);
			pending.addAll(found);
			return publish(collection, pending);
		});
	}

	private Mono<List<Held>> read(String collection, List<Object> ids) {
		Query named = Query.query(Criteria.where("_id").in(ids));
		named.fields().include(OutboxEvent.FIELD);
		return this.mongo.find(named, Document.class, collection)
			.map(this::held)
			.filter((document) -> !document.events().isEmpty())
			.collectList();
	}

	private Held held(Document document) {
		return new Held(document.get("_id"), this.mongo.getConverter().read(Pending.class, document).outbox());
	}

	/** Publishes one batch of documents' events found by a sweep; returns how many documents it found. */
	private Mono<Integer> drainPending(String collection, Found found) {
		Query pendingDocuments = Query.query(Criteria.where(OutboxEvent.FIELD + ".0").exists(true))
			.limit(this.settings.batchSize());
		pendingDocuments.fields().include(OutboxEvent.FIELD);
		return this.mongo.find(pendingDocuments, Document.class, collection)
			.collectList()
			.publishOn(this.scheduler)
			.map((documents) -> documents.stream().map(this::held).toList())
			.doOnNext((documents) -> found.add(documents))
			.flatMap((documents) -> publish(collection, documents).thenReturn(documents.size()));
	}

	private Mono<Void> publish(String collection, List<Held> documents) {
		List<Sent> sent = new ArrayList<>();
		for (Held document : documents) {
			List<CompletableFuture<?>> acks = new ArrayList<>();
			for (OutboxEvent event : document.events()) {
				acks.add(this.kafka.send(OutgoingRecords.of(event)).thenRun(() -> this.metrics.published(event)));
			}
			sent.add(new Sent(document.id(), document.events().stream().map(OutboxEvent::id).toList(), acks));
		}
		this.kafka.flush();
		return Flux.fromIterable(sent)
			.flatMap((one) -> Mono.fromFuture(CompletableFuture.allOf(one.acks().toArray(CompletableFuture[]::new)))
				.timeout(this.settings.sendTimeout())
				.thenReturn(one)
				.onErrorResume((ex) -> {
					log.warn("Events {} of {} {} not acknowledged yet: {}", one.eventIds(), collection, one.id(),
							ex.toString());
					this.written.add(new Written(collection, one.id(), null));
					return Mono.empty();
				}))
			.collectList()
			.flatMap((acknowledged) -> remove(collection, acknowledged));
	}

	/** Removes the acknowledged events from their documents, in one command for the whole batch. */
	private Mono<Void> remove(String collection, List<Sent> acknowledged) {
		if (acknowledged.isEmpty()) {
			return Mono.empty();
		}
		ReactiveBulkOperations removals = this.mongo.bulkOps(BulkMode.UNORDERED, collection);
		for (Sent one : acknowledged) {
			removals.updateOne(Query.query(Criteria.where("_id").is(one.id())), new Update().pull(OutboxEvent.FIELD,
					new Document("_id", new Document("$in", one.eventIds()))));
		}
		return removals.execute().then();
	}

	@Override
	public void stop() {
		this.rounds.stop();
	}

	@Override
	public boolean isRunning() {
		return this.rounds.isRunning();
	}

	/** Stops after the web server, so that a request accepted during shutdown still gets published. */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 2048;
	}

	private record Sent(Object id, List<String> eventIds, List<CompletableFuture<?>> acks) {
	}

	record Pending(List<OutboxEvent> outbox) {
	}

	/** A document named by its writer, with the events it stored, or {@code null} to read them. */
	private record Written(String collection, Object id, List<OutboxEvent> events) {
	}

	/** A document's events to publish; {@code null} events while they are still to be read. */
	private record Held(Object id, List<OutboxEvent> events) {

		/** One document named twice: both writes' events, unless either needs the document read. */
		Held and(Held later) {
			if (this.events == null || later.events() == null) {
				return new Held(this.id, null);
			}
			List<OutboxEvent> both = new ArrayList<>(this.events);
			both.addAll(later.events());
			return new Held(this.id, both);
		}

	}

	/** What one sweep found waiting. */
	private final class Found {

		private long documents;

		private Instant oldest;

		void add(List<Held> batch) {
			for (Held document : batch) {
				this.documents++;
				for (OutboxEvent event : document.events()) {
					if (this.oldest == null || event.time().isBefore(this.oldest)) {
						this.oldest = event.time();
					}
				}
			}
		}

	}

}
