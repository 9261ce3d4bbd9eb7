package org.misinfodesk.triage.cases.mongo;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.misinfodesk.triage.cases.CaseStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * {@code misinfodesk_cases_live{status}}: cases new, in review and routed, and
 * {@code misinfodesk_cases_overdue}: those of them past a deadline, counted every
 * {@link #EVERY} from the queue's small read model (never from the whole history).
 */
@Component
class CaseMetrics implements SmartLifecycle {

	static final Duration EVERY = Duration.ofSeconds(15);

	private static final Logger log = LoggerFactory.getLogger(CaseMetrics.class);

	private final LiveCases live;

	private final Map<CaseStatus, AtomicLong> byStatus = new EnumMap<>(CaseStatus.class);

	private final AtomicLong overdue = new AtomicLong();

	private volatile Disposable counting;

	CaseMetrics(LiveCases live, MeterRegistry registry) {
		this.live = live;
		for (CaseStatus status : CaseStatus.WITH_DEADLINES) {
			AtomicLong count = new AtomicLong();
			this.byStatus.put(status, count);
			Gauge.builder("misinfodesk.cases.live", count, AtomicLong::get)
				.description("Cases whose deadlines still run, by status")
				.tag("status", status.name())
				.register(registry);
		}
		Gauge.builder("misinfodesk.cases.overdue", this.overdue, AtomicLong::get)
			.description("Cases past a deadline (triage's, or an agency's) without what it waited for")
			.register(registry);
	}

	private Mono<Void> count() {
		return Flux.fromIterable(this.byStatus.entrySet())
			.concatMap((entry) -> this.live.count(entry.getKey()).doOnNext(entry.getValue()::set))
			.then(this.live.countOverdue().doOnNext(this.overdue::set))
			.then()
			.onErrorResume((ex) -> {
				log.debug("Cases not counted this time: {}", ex.toString());
				return Mono.empty();
			});
	}

	@Override
	public void start() {
		this.counting = Flux.interval(Duration.ZERO, EVERY).onBackpressureDrop().concatMap((tick) -> count(), 1).subscribe();
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
