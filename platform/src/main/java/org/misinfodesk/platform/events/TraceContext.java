package org.misinfodesk.platform.events;

import java.util.HashMap;
import java.util.Map;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

/**
 * The W3C {@code traceparent} of the work in progress, stored with an outbox event so that the
 * consumer's span continues the trace of the request or record that caused the event, even though
 * the relay publishes it later from another thread.
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

}
