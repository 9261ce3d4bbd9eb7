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
		return (span != null) ? traceparentOf(span) : null;
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
		Span span = start(traceparent, spanName);
		try {
			within(span, work);
		}
		finally {
			span.end();
		}
	}

	/**
	 * Starts a span that continues the given trace, for work that runs later and elsewhere than what
	 * caused it (a delivery attempt of a routed case); the caller ends it.
	 * @param traceparent a W3C {@code traceparent}, or {@code null} for a trace of its own
	 */
	public Span start(String traceparent, String spanName) {
		Span.Builder builder = (traceparent != null)
				? this.propagator.extract(Map.of(CloudEventHeaders.TRACEPARENT, traceparent), Map::get)
				: this.tracer.spanBuilder().setNoParent();
		return builder.name(spanName).start();
	}

	/** The {@code traceparent} a call made for this span carries, or {@code null} when it has none. */
	public String traceparentOf(Span span) {
		Map<String, String> carrier = new HashMap<>();
		this.propagator.inject(span.context(), carrier, Map::put);
		return carrier.get(CloudEventHeaders.TRACEPARENT);
	}

	/** Does {@code work} (a log line, say) with the span current, so that it carries its trace id. */
	public void within(Span span, Runnable work) {
		try (Tracer.SpanInScope scope = this.tracer.withSpan(span)) {
			work.run();
		}
	}

}
