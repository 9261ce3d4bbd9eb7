package org.misinfodesk.platform.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * What the relay tells about the outbox: {@code misinfodesk_outbox_published_total} by topic,
 * {@code misinfodesk_outbox_publish_delay_seconds} from an event's creation to the broker's
 * acknowledgement, and, as of the latest sweep, {@code misinfodesk_outbox_pending} (documents with
 * events waiting) and {@code misinfodesk_outbox_oldest_pending_age_seconds}. A backlog that grows
 * from sweep to sweep means the broker is out of reach or the relay cannot keep up.
 */
public class OutboxMetrics {

	private final MeterRegistry registry;

	private final Clock clock;

	private final Timer delay;

	private final AtomicLong pending = new AtomicLong();

	private final AtomicReference<Instant> oldestPending = new AtomicReference<>();

	public OutboxMetrics(MeterRegistry registry, Clock clock) {
		this.registry = registry;
		this.clock = clock;
		this.delay = Timer.builder("misinfodesk.outbox.publish.delay")
			.description("From an event's creation in a state change to the broker's acknowledgement")
			.publishPercentileHistogram()
			.maximumExpectedValue(Duration.ofMinutes(10))
			.register(registry);
		Gauge.builder("misinfodesk.outbox.pending", this.pending, AtomicLong::get)
			.description("Documents with events waiting for the broker, as of the latest sweep")
			.register(registry);
		Gauge.builder("misinfodesk.outbox.oldest.pending.age", this, OutboxMetrics::oldestPendingSeconds)
			.description("Age of the oldest event waiting for the broker, as of the latest sweep")
			.baseUnit("seconds")
			.register(registry);
	}

	void published(OutboxEvent event) {
		Counter.builder("misinfodesk.outbox.published")
			.description("Events the broker acknowledged")
			.tag("topic", event.topic())
			.register(this.registry)
			.increment();
		this.delay.record(Duration.between(event.time(), this.clock.instant()).toMillis(), TimeUnit.MILLISECONDS);
	}

	/** What one sweep found waiting: how many documents, and the creation time of the oldest event. */
	void swept(long documents, Instant oldest) {
		this.pending.set(documents);
		this.oldestPending.set(oldest);
	}

	private double oldestPendingSeconds() {
		Instant oldest = this.oldestPending.get();
		return (oldest != null) ? Math.max(0, Duration.between(oldest, this.clock.instant()).toMillis() / 1000.0) : 0;
	}

}
