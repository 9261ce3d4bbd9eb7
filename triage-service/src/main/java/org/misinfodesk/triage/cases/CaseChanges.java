package org.misinfodesk.triage.cases;

import java.time.Clock;

import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import org.springframework.stereotype.Component;

/**
 * The cases this instance changed, as they change, for live queue views. In-process only: a view
 * connected to another replica hears about that replica's changes (a shared feed is a later step).
 */
@Component
public class CaseChanges {

	/**
	 * Room for a few polls of reports filed together (spring.kafka.consumer.max-poll-records), whose
	 * cases are announced at once.
	 */
	private static final int PER_SUBSCRIBER_BUFFER = 2048;

	private final Sinks.Many<CaseSummary> sink = Sinks.many().multicast().directBestEffort();

	private final Clock clock;

	CaseChanges(Clock clock) {
		this.clock = clock;
	}

	/** Tells every current subscriber; nobody listening is fine. */
	public synchronized void announce(Case changed) {
		this.sink.tryEmitNext(CaseSummary.of(changed, this.clock.instant()));
	}

	/**
	 * Changes from now on. A subscriber that falls behind loses the oldest changes rather than
	 * holding up the others.
	 */
	public Flux<CaseSummary> stream() {
		return this.sink.asFlux().onBackpressureBuffer(PER_SUBSCRIBER_BUFFER, BufferOverflowStrategy.DROP_OLDEST);
	}

}
