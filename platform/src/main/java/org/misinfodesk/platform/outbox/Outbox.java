package org.misinfodesk.platform.outbox;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.misinfodesk.platform.events.TraceContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes outbox events for this service; the caller stores them with its state change and then
 * {@link #wake(String, Object) wakes} the relay with the document it wrote, so that publishing does
 * not wait for the next sweep.
 */
public class Outbox {

	private final String source;

	private final JsonMapper json;

	private final Clock clock;

	private final OutboxRelay relay;

	private final TraceContext trace;

	public Outbox(String source, JsonMapper json, Clock clock, OutboxRelay relay, TraceContext trace) {
		this.source = source;
		this.json = json;
		this.clock = clock;
		this.relay = relay;
		this.trace = trace;
	}

	/**
	 * An event about one aggregate, keyed by its id so that its events stay in order on one partition.
	 */
	public OutboxEvent event(String type, String topic, String aggregateId, Object payload) {
		return event(type, topic, aggregateId, payload, null);
	}

	/**
	 * An event that continues the given trace rather than the current one: for work done for several
	 * records at once, where no span is any one record's, or for a trace kept with the data (the
	 * submission a case's report came with).
	 * @param traceparent the W3C {@code traceparent} the event continues, or {@code null} for the
	 * current trace
	 */
	public OutboxEvent event(String type, String topic, String aggregateId, Object payload, String traceparent) {
		return new OutboxEvent(UUID.randomUUID().toString(), type, this.source, topic, aggregateId, aggregateId,
				this.clock.instant().truncatedTo(ChronoUnit.MILLIS), this.json.writeValueAsString(payload),
				(traceparent != null) ? traceparent : this.trace.traceparent());
	}

	/** Asks the relay to publish the events just stored in this document now. */
	public void wake(String collection, Object documentId) {
		this.relay.wake(collection, documentId);
	}

	/**
	 * Asks the relay to publish these events, just stored in this document, now: it takes them as
	 * they are rather than reading the document for them.
	 */
	public void wake(String collection, Object documentId, List<OutboxEvent> stored) {
		this.relay.wake(collection, documentId, stored);
	}

	/** Asks the relay to look for new events in every outbox collection now. */
	public void wake() {
		this.relay.wake();
	}

}
