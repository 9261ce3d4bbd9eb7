package org.misinfodesk.notification.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.tracing.Span;
import org.misinfodesk.notification.webhook.WebhookEndpoint;
import org.misinfodesk.notification.webhook.WebhookEndpoints;
import org.misinfodesk.notification.webhook.WebhookSettings;
import org.misinfodesk.platform.events.TraceContext;
import org.misinfodesk.platform.polling.Rounds;
import org.misinfodesk.platform.polling.SweepSchedule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Sends due deliveries: polls the store (and wakes up at once when new deliveries were stored),
 * claims each due delivery with a lease, makes one attempt and records it with the next step: done,
 * another attempt after the backoff (or when the receiver asked with {@code Retry-After}), or failed
 * after the last, which administrators are told of. Webhook results also keep the endpoint's record:
 * {@code 410} or failing for too long disables it, and the agency is told. All state is in the
 * store, so several instances share the work and a restart forgets nothing.
 * <p>
 * Finding due deliveries by time needs an index on a real MongoDB and reads the whole collection on
 * the embedded store, so the dispatcher mostly claims deliveries by id: the ones just scheduled, and
 * retries when their wait is over. Those hints are held in memory; the sweep for due deliveries,
 * every {@link DeliverySettings#sweepInterval()} and at start, is what a restart relies on.
 */
@Component
class DispatchingDeliveries implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(DispatchingDeliveries.class);

	private final Deliveries deliveries;

	private final WebhookSending webhooks;

	private final EmailSending emails;

	private final DeliverySettings settings;

	private final Backoff backoff;

	private final Clock clock;

	private final SweepSchedule sweeps;

	private final Queue<String> named = new ConcurrentLinkedQueue<>();


	private final AtomicInteger inFlight = new AtomicInteger();

	private final Rounds rounds = new Rounds("deliveries");

	private final Scheduler scheduler = this.rounds.scheduler();

	private final WebhookEndpoints endpoints;

	private final WebhookSettings webhookSettings;

	private final Noticing noticing;

	private final DeliveryMetrics metrics;

	private final TraceContext trace;

	DispatchingDeliveries(Deliveries deliveries, WebhookSending webhooks, EmailSending emails,
			DeliverySettings settings, Clock clock, WebhookEndpoints endpoints, WebhookSettings webhookSettings,
			Noticing noticing, DeliveryMetrics metrics, TraceContext trace) {
		this.deliveries = deliveries;
		this.webhooks = webhooks;
		this.emails = emails;
		this.settings = settings;
		this.endpoints = endpoints;
		this.webhookSettings = webhookSettings;
		this.noticing = noticing;
		this.metrics = metrics;
		this.trace = trace;
		this.sweeps = new SweepSchedule(settings.sweepInterval());
		this.backoff = new Backoff(settings.backoff(), settings.jitter(), new Random());
		this.clock = clock;
	}

	/** Looks for due deliveries in the whole store soon; several calls before a round make one round. */
	void wake() {
		this.sweeps.ask();
		signal();
	}

	/** Attempts this delivery soon, if it is due. */
	void wake(String deliveryId) {
		this.named.add(deliveryId);
		signal();
	}

	private void signal() {
		this.rounds.wake();
	}

	@Override
	public void start() {
		this.rounds.start(this.settings.pollInterval(), this::round,
				(ex) -> log.warn("Delivery round failed, will try again: {}", ex.toString()));
	}

	/**
	 * Claims the named deliveries, then, when a sweep is due, any due delivery, while this instance
	 * has room, starting an attempt for each. What does not fit waits for the next round.
	 */
	private Mono<Void> round() {
		Mono<Void> named = Mono.defer(this::claimNamed).expand((claimed) -> claimNamed()).then();
		return named.then(Mono.defer(() -> this.sweeps.due() ? claimNext().expand((claimed) -> claimNext()).then()
				: Mono.empty()));
	}

	/** @return whether it took a name (claimed or not); empty when none is left or there is no room */
	private Mono<Boolean> claimNamed() {
		if (this.inFlight.get() >= this.settings.concurrency()) {
			return Mono.empty();
		}
		String id = this.named.poll();
		if (id == null) {
			return Mono.empty();
		}
		// a delivery that is not due, or claimed elsewhere, is skipped without ending the round
		return this.deliveries.claim(id, now(), this.settings.lease())
			.doOnNext(this::launch)
			.map((claimed) -> true)
			.defaultIfEmpty(true);
	}

	private Mono<Delivery> claimNext() {
		if (this.inFlight.get() >= this.settings.concurrency()) {
			// the sweep stopped for want of room: go on with it when an attempt ends
			this.sweeps.ask();
			return Mono.empty();
		}
		return this.deliveries.claimDue(now(), this.settings.lease()).doOnNext(this::launch);
	}

	private void launch(Delivery claimed) {
		this.inFlight.incrementAndGet();
		attempt(claimed).doFinally((ended) -> {
			this.inFlight.decrementAndGet();
			signal();
		}).subscribe();
	}

	/** Claims the delivery by id when its wait is over; the sweep does so if this instance stops first. */
	private void retryLater(String deliveryId, Duration wait) {
		Mono.delay(wait, this.scheduler).subscribe((tick) -> wake(deliveryId), (ex) -> {
		});
	}

	/**
	 * One attempt, in a span of its own that continues the trace of the event that asked for the
	 * delivery: the webhook call carries it on, and the attempt's log lines carry its trace id.
	 */
	private Mono<Boolean> attempt(Delivery claimed) {
		Instant startedAt = now();
		long started = System.nanoTime();
		Span span = this.trace.start(claimed.traceparent(), "deliver %s by %s"
			.formatted(claimed.kind(), claimed.channel()).toLowerCase(Locale.ROOT));
		Mono<AttemptResult> sent = Mono.defer(() -> switch (claimed.channel()) {
			case WEBHOOK -> this.webhooks.send(claimed, this.trace.traceparentOf(span));
			case EMAIL -> this.emails.send(claimed);
		});
		return sent.onErrorResume((ex) -> Mono.just(AttemptResult.failed(ex))).flatMap((result) -> {
			Duration took = Duration.ofNanos(System.nanoTime() - started);
			this.metrics.attempted(claimed.channel(), result.outcome(), took);
			Attempt attempt = new Attempt(startedAt, result.outcome(), result.statusCode(), result.error(),
					took.toMillis());
			this.trace.within(span,
					() -> log.info("Delivery {} ({} of case {} routing {} to {} by {}), attempt {}: {}{}", claimed.id(),
							claimed.kind(), claimed.caseId(), claimed.routing(), claimed.agencyId(), claimed.channel(),
							claimed.attempts().size() + 1, result.outcome(), outcomeDetail(attempt)));
			return recordNextStep(claimed, attempt, result, span);
		}).onErrorResume((ex) -> {
			this.trace.within(span, () -> log.warn("Attempt at delivery {} not recorded; it runs again after its lease: {}",
					claimed.id(), ex.toString()));
			return Mono.just(false);
		}).doFinally((ended) -> span.end());
	}

	private static String outcomeDetail(Attempt attempt) {
		if (attempt.statusCode() != null) {
			return " (HTTP " + attempt.statusCode() + ")";
		}
		return (attempt.error() != null) ? " (" + attempt.error() + ")" : "";
	}

	private Mono<Boolean> recordNextStep(Delivery claimed, Attempt attempt, AttemptResult result, Span span) {
		Instant now = now();
		if (result.succeeded()) {
			return this.deliveries.record(claimed, attempt, DeliveryState.DELIVERED, null, now)
				.doOnNext((recorded) -> {
					if (recorded) {
						this.metrics.alerted(claimed, now);
					}
				})
				.flatMap((recorded) -> endpointSucceeded(claimed).thenReturn(recorded))
				.doOnNext((recorded) -> completed(recorded, claimed, DeliveryState.DELIVERED));
		}
		Optional<Duration> wait = result.retryable() ? nextWait(claimed, result) : Optional.empty();
		if (wait.isPresent()) {
			return this.deliveries.record(claimed, attempt, DeliveryState.PENDING, now.plus(wait.get()), null)
				.doOnNext((recorded) -> {
					if (recorded) {
						retryLater(claimed.id(), wait.get());
					}
				})
				.flatMap((recorded) -> endpointFailed(claimed, result, now, span).thenReturn(recorded));
		}
		this.trace.within(span, () -> log.warn("Delivery {} of case {} to {} {} failed after {} attempts: {}",
				claimed.id(), claimed.caseId(), claimed.agencyId(), claimed.channel(), claimed.attempts().size() + 1,
				attempt.statusCode() != null ? "HTTP " + attempt.statusCode() : attempt.error()));
		return this.deliveries.record(claimed, attempt, DeliveryState.FAILED, null, null)
			.flatMap((recorded) -> endpointFailed(claimed, result, now, span)
				.then(recorded ? this.noticing.deliveryFailed(claimed, attempt) : Mono.just(0L))
				.thenReturn(recorded))
			.doOnNext((recorded) -> completed(recorded, claimed, DeliveryState.FAILED));
	}

	/** The receiver's {@code Retry-After} when it gave one (within reason), else the schedule's next wait. */
	private Optional<Duration> nextWait(Delivery claimed, AttemptResult result) {
		Optional<Duration> scheduled = this.backoff.after(claimed.failedInSchedule());
		if (scheduled.isEmpty() || result.retryAfter() == null) {
			return scheduled;
		}
		Duration asked = result.retryAfter();
		return Optional.of(asked.compareTo(this.settings.maxRetryAfter()) > 0 ? this.settings.maxRetryAfter() : asked);
	}

	private Mono<Void> endpointSucceeded(Delivery claimed) {
		return claimed.channel() == Channel.WEBHOOK ? this.endpoints.succeeded(claimed.target().endpointId())
				: Mono.empty();
	}

	/** A {@code 410} disables the endpoint at once; other failures count towards disabling it. */
	private Mono<Void> endpointFailed(Delivery claimed, AttemptResult result, Instant now, Span span) {
		if (claimed.channel() != Channel.WEBHOOK || !result.endpointFailure()) {
			return Mono.empty();
		}
		String endpointId = claimed.target().endpointId();
		Mono<WebhookEndpoint> disabled = result.gone() ? this.endpoints.gone(endpointId)
				: this.endpoints.failed(endpointId, now, this.webhookSettings.disableAfter());
		return disabled.flatMap((endpoint) -> {
			this.trace.within(span, () -> log.warn("Webhook endpoint {} of {} disabled: {}", endpoint.id(),
					endpoint.agencyId(), endpoint.disabledReason()));
			return this.noticing.endpointDisabled(endpoint);
		}).then();
	}

	private void completed(boolean recorded, Delivery claimed, DeliveryState state) {
		if (recorded) {
			this.metrics.completed(claimed.channel(), state);
		}
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	@Override
	public void stop() {
		this.rounds.stop();
	}

	@Override
	public boolean isRunning() {
		return this.rounds.isRunning();
	}

}
