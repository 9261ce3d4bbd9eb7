package org.misinfodesk.triage.deadlines;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs {@link MarkingOverdueCases} every {@code misinfodesk.deadlines.scan-every}, one scan at a
 * time. It keeps no state of its own: what is due is read from the cases each time.
 */
@Component
class DeadlineScan implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(DeadlineScan.class);

	private final MarkingOverdueCases marking;

	private final DeadlineSettings settings;

	private final Clock clock;

	private volatile Disposable running;

	DeadlineScan(MarkingOverdueCases marking, DeadlineSettings settings, Clock clock) {
		this.marking = marking;
		this.settings = settings;
		this.clock = clock;
	}

	@Override
	public void start() {
		this.running = Flux.interval(this.settings.scanEvery(), this.settings.scanEvery(), Schedulers.boundedElastic())
			.onBackpressureDrop()
			.concatMap((tick) -> this.marking.markAt(this.clock.instant()).onErrorResume((ex) -> {
				log.warn("Deadline scan failed; the next one tries again", ex);
				return Mono.empty();
			}), 0)
			.subscribe((marked) -> {
				if (marked > 0) {
					log.info("Marked {} case(s) overdue", marked);
				}
			});
	}

	@Override
	public void stop() {
		Disposable scan = this.running;
		if (scan != null) {
			scan.dispose();
		}
		this.running = null;
	}

	@Override
	public boolean isRunning() {
		return this.running != null && !this.running.isDisposed();
	}

}
