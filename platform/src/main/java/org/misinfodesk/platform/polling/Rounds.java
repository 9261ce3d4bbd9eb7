package org.misinfodesk.platform.polling;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Runs a poller's rounds one at a time on the poller's own thread: at a fixed interval, and soon
 * after anyone wakes it. Wake-ups that arrive while a round runs make one more round after it. A
 * waker only hands over a signal: it never runs a round itself, so the request or listener thread
 * that wrote a document and woke the poller goes on at once, and two wakers never meet inside the
 * signal's sink.
 */
public final class Rounds {

	private static final Duration HANDOVER = Duration.ofSeconds(1);

	private final Sinks.Many<Boolean> wakeUps = Sinks.many().unicast().onBackpressureBuffer();

	private final AtomicBoolean pending = new AtomicBoolean();

	private final Scheduler scheduler;

	private volatile Disposable running;

	public Rounds(String name) {
		this.scheduler = Schedulers.newSingle(name);
	}

	/** The poller's thread, for timers that belong with its rounds. */
	public Scheduler scheduler() {
		return this.scheduler;
	}

	/** A round soon; several calls before it starts make one round. */
	public void wake() {
		if (this.pending.compareAndSet(false, true)) {
			// the sink only queues the signal for the poller's thread, so a concurrent handover is brief
			this.wakeUps.emitNext(Boolean.TRUE, Sinks.EmitFailureHandler.busyLooping(HANDOVER));
		}
	}

	/**
	 * Starts the rounds: one at once, then one every {@code interval} and after every wake-up. A round
	 * that fails is reported to {@code failed} and the next one runs as usual.
	 */
	public void start(Duration interval, Supplier<Mono<Void>> round, Consumer<Throwable> failed) {
		Flux<Object> ticks = Flux.merge(Flux.interval(Duration.ZERO, interval, this.scheduler),
				this.wakeUps.asFlux().publishOn(this.scheduler));
		this.running = ticks.onBackpressureLatest()
			.publishOn(this.scheduler, 1)
			.concatMap((tick) -> Mono.defer(() -> {
				this.pending.set(false);
				return round.get();
			}).onErrorResume((ex) -> {
				failed.accept(ex);
				return Mono.empty();
			}), 1)
			.subscribeOn(this.scheduler)
			.subscribe();
	}

	/** Stops the rounds; a round under way is cancelled. */
	public void stop() {
		Disposable current = this.running;
		if (current != null) {
			current.dispose();
		}
		this.scheduler.dispose();
	}

	public boolean isRunning() {
		return this.running != null && !this.running.isDisposed();
	}

}
