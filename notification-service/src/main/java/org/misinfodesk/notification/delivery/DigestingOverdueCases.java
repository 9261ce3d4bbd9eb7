package org.misinfodesk.notification.delivery;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.misinfodesk.notification.acknowledgement.Acknowledgement;
import org.misinfodesk.notification.acknowledgement.AcknowledgingCase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Supervisors hear of overdue cases once a period ({@code misinfodesk.digest.interval}), in one
 * email listing them all, rather than one email per missed deadline. Each overdue event is
 * recorded durably as it arrives; after a period ends, the first instance to claim the period's
 * lease schedules its digest (an email delivery per supervisor, retried like any other, with ids
 * derived from the period, so even a lease taken over after a crash sends it once), then forgets the
 * entries it listed. A case the agency answered meanwhile is left out; a period with nothing overdue
 * sends nothing.
 */
@Component
class DigestingOverdueCases implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(DigestingOverdueCases.class);

	/** How long finished periods' leases are kept, in periods, before they are forgotten. */
	private static final int PERIODS_KEPT = 24;

	private final OverdueDigests digests;

	private final AcknowledgingCase acknowledging;

	private final Noticing noticing;

	private final DispatchingDeliveries dispatcher;

	private final DigestSettings settings;

	private final Clock clock;

	private final String instance = UUID.randomUUID().toString();

	private volatile Scheduler scheduler;

	private volatile Disposable running;

	DigestingOverdueCases(OverdueDigests digests, AcknowledgingCase acknowledging, Noticing noticing,
			DispatchingDeliveries dispatcher, DigestSettings settings, Clock clock) {
		this.digests = digests;
		this.acknowledging = acknowledging;
		this.noticing = noticing;
		this.dispatcher = dispatcher;
		this.settings = settings;
		this.clock = clock;
	}

	/** Keeps a missed deadline for the next digest. */
	Mono<Boolean> record(CaseOverdue overdue, String agencyName) {
		return this.digests.record(OverdueEntry.of(overdue, agencyName, now()));
	}

	@Override
	public void start() {
		this.scheduler = Schedulers.newSingle("digests");
		this.running = Flux.interval(this.settings.checkEvery(), this.settings.checkEvery(), this.scheduler)
			.onBackpressureDrop()
			.concatMap((tick) -> digestLastPeriod().onErrorResume((ex) -> {
				log.warn("Overdue digest round failed, will try again: {}", ex.toString());
				return Mono.empty();
			}), 1)
			.subscribe();
	}

	/**
	 * Sends the digest of the period that ended last, if no instance has.
	 * @return how many cases it listed; empty when another instance has the period
	 */
	Mono<Integer> digestLastPeriod() {
		Instant now = now();
		long length = this.settings.interval().toMillis();
		Instant end = Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), length) * length);
		Instant start = end.minusMillis(length);
		String period = start.toString();
		return this.digests.claim(period, this.instance, now, now.plus(this.settings.lease()))
			.filter(Boolean::booleanValue)
			.flatMap((claimed) -> this.digests.recordedBefore(end).collectList())
			.flatMap((entries) -> Flux.fromIterable(entries)
				.filterWhen(this::stillOverdue)
				.collectList()
				.flatMap((overdue) -> (overdue.isEmpty() ? Mono.just(0L)
						: this.noticing.overdueDigest(period, start, end, overdue, now))
					.doOnNext((scheduled) -> {
						if (scheduled > 0) {
							this.dispatcher.wake();
						}
					})
					.then(this.digests.remove(entries.stream().map(OverdueEntry::id).toList()))
					.then(this.digests.done(period, this.instance, now(), overdue.size()))
					.then(this.digests.forgetPeriodsDoneBefore(end.minus(this.settings.interval().multipliedBy(PERIODS_KEPT))))
					.thenReturn(overdue.size())))
			.doOnNext((listed) -> {
				if (listed > 0) {
					log.info("Overdue digest of the period from {} lists {} cases", start, listed);
				}
			});
	}

	/** Whether the agency still owes the answer whose deadline passed. */
	private Mono<Boolean> stillOverdue(OverdueEntry entry) {
		return this.acknowledging.findRouting(entry.caseId(), entry.routing(), entry.agencyId())
			.map(Optional::of)
			.defaultIfEmpty(Optional.empty())
			.map((found) -> found.map((acknowledgement) -> !answered(acknowledgement, entry.deadline())).orElse(true));
	}

	static boolean answered(Acknowledgement acknowledgement, String deadline) {
		return CaseOverdue.ACKNOWLEDGEMENT.equals(deadline) ? acknowledgement.acknowledged()
				: acknowledgement.resolved();
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	@Override
	public void stop() {
		Disposable current = this.running;
		if (current != null) {
			current.dispose();
		}
		Scheduler used = this.scheduler;
		if (used != null) {
			used.dispose();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running != null && !this.running.isDisposed();
	}

}
