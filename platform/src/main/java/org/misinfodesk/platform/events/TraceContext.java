package org.misinfodesk.platform.events;

import java.util.HashMap;
import java.util.Map;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

/**
 * The W3C {@code traceparent} of the work in progress, stored with an outbox event so that the
 * consumer's span continues the trace of the request or record that caused the event, even though
 * the relay publishes it later from another thread; and the way back into such a trace for work
 * done for several records at once, where no span is any one record's.
 */
public class TraceContext {

	private final Tracer tracer;

	private final Propagator propagator;

	public TraceContext(Tracer tracer, Propagator propagator) {
		this.tracer = tracer;
		this.propagator = propagator;
	}

	/** The current {@code traceparent}, or {@code null} outside any trace. */
	public String traceparent() {
		Span span = this.tracer.currentSpan();
		if (span == null) {
			return null;
		}
		Map<String, String> carrier = new HashMap<>();
		this.propagator.inject(span.context(), carrier, Map::put);
		return carrier.get(CloudEventHeaders.TRACEPARENT);
	}

	/**
	 * Does {@code work} in a short span of its own that continues the given trace, so that what it
	 * logs carries that trace's id: for what a batch did for one of its records.
	 * @param traceparent a W3C {@code traceparent}, or {@code null} (the work is then done as it is)
	 */
	public void continuing(String traceparent, String spanName, Runnable work) {
		if (traceparent == null) {
			work.run();
			return;
		}
		Span span = this.propagator.extract(Map.of(CloudEventHeaders.TRACEPARENT, traceparent), Map::get)
			.name(spanName)
			.start();
		try (Tracer.SpanInScope scope = this.tracer.withSpan(span)) {
			work.run();
		}
		finally {
			span.end();
		}
	}

}
