package org.misinfodesk.notification.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * What the deliveries look like from outside: attempts and finished deliveries by channel and
 * outcome, how long attempts take, and, counted from the store every few seconds so that every
 * instance reports the same, how many deliveries are pending and how long the oldest has waited.
 */
@Component
class DeliveryMetrics implements SmartLifecycle {

	static final String ATTEMPTS = "misinfodesk.deliveries.attempts";

	static final String COMPLETED = "misinfodesk.deliveries.completed";

	static final String ATTEMPT_DURATION = "misinfodesk.deliveries.attempt.duration";

	static final String PENDING = "misinfodesk.deliveries.pending";

	static final String ROUTED_TO_DELIVERED = "misinfodesk.case.routed.to.delivered";

	static final String OLDEST_PENDING_AGE = "misinfodesk.deliveries.oldest.pending.age";

	private static final Logger log = LoggerFactory.getLogger(DeliveryMetrics.class);

	private final MeterRegistry registry;

	private final Deliveries deliveries;

	private final DeliverySettings settings;

	private final Clock clock;

	private final AtomicLong pending = new AtomicLong();

	private final AtomicLong oldestPendingMillis = new AtomicLong();

	private volatile Disposable counting;

	DeliveryMetrics(MeterRegistry registry, Deliveries deliveries, DeliverySettings settings, Clock clock) {
		this.registry = registry;
		this.deliveries = deliveries;
		this.settings = settings;
		this.clock = clock;
		Gauge.builder(PENDING, this.pending, AtomicLong::get)
			.description("Deliveries waiting for their next attempt")
			.register(registry);
		Gauge.builder(OLDEST_PENDING_AGE, this.oldestPendingMillis, (millis) -> millis.get() / 1000.0)
			.description("Age of the oldest pending delivery")
			.baseUnit("seconds")
			.register(registry);
		for (Channel channel : Channel.values()) {
			for (Attempt.Outcome outcome : Attempt.Outcome.values()) {
				attempts(channel, outcome);
			}
			completedCounter(channel, DeliveryState.DELIVERED);
			completedCounter(channel, DeliveryState.FAILED);
		}
	}

	void attempted(Channel channel, Attempt.Outcome outcome, Duration took) {
		attempts(channel, outcome).increment();
		Timer.builder(ATTEMPT_DURATION)
			.description("How long one attempt took, answer included")
			.tag("channel", channel.name())
			.tag("outcome", outcome.name())
			.publishPercentileHistogram()
			.register(this.registry)
			.record(took.toNanos(), TimeUnit.NANOSECONDS);
	}

	void completed(Channel channel, DeliveryState state) {
		completedCounter(channel, state).increment();
	}

	/** An alert reached its agency: the time from triage's routing decision to the receiver's answer. */
	void alerted(Delivery delivered, Instant at) {
		if (delivered.kind() != DeliveryKind.ALERT || delivered.routedAt() == null) {
			return;
		}
		Timer.builder(ROUTED_TO_DELIVERED)
			.description("From triage's routing of a case to the agency's receiver or mail server taking the alert")
			.tag("channel", delivered.channel().name())
			.publishPercentileHistogram()
			.maximumExpectedValue(Duration.ofHours(1))
			.register(this.registry)
			.record(Duration.between(delivered.routedAt(), at));
	}

	private Counter attempts(Channel channel, Attempt.Outcome outcome) {
		return Counter.builder(ATTEMPTS)
			.description("Attempts at deliveries")
			.tag("channel", channel.name())
			.tag("outcome", outcome.name())
			.register(this.registry);
	}

	private Counter completedCounter(Channel channel, DeliveryState state) {
		return Counter.builder(COMPLETED)
			.description("Deliveries that reached their end: delivered, or failed after the last attempt")
			.tag("channel", channel.name())
			.tag("outcome", state.name())
			.register(this.registry);
	}

	Mono<Void> count() {
		return this.deliveries.countPending()
			.doOnNext(this.pending::set)
			.then(this.deliveries.oldestPending())
			.map((oldest) -> Math.max(0, Duration.between(oldest.createdAt(), this.clock.instant()).toMillis()))
			.defaultIfEmpty(0L)
			.doOnNext(this.oldestPendingMillis::set)
			.then();
	}

	@Override
	public void start() {
		this.counting = Flux.interval(Duration.ZERO, this.settings.metricsInterval())
			.onBackpressureDrop()
			.concatMap((tick) -> count().onErrorResume((ex) -> {
				log.debug("Counting pending deliveries failed: {}", ex.toString());
				return Mono.empty();
			}), 1)
			.subscribe();
	}

	@Override
	public void stop() {
		Disposable current = this.counting;
		if (current != null) {
			current.dispose();
		}
	}

	@Override
	public boolean isRunning() {
		return this.counting != null && !this.counting.isDisposed();
	}

}
