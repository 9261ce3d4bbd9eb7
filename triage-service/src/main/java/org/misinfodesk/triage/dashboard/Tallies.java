package org.misinfodesk.triage.dashboard;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The dashboard's stored figures: per-day counters, response times per agency, and the overdue
 * list. Reading a period reads documents per month of the period, never one per day, per response
 * or per case.
 */
public interface Tallies {

	Mono<Void> keep(ChangeFigures figures);

	/** Keeps the figures of several writes, moving each document once for all of them. */
	Mono<Void> keep(List<ChangeFigures> figures);

	/** Every counter of the days from {@code from} to {@code to}, both included. */
	Flux<Tally> counted(LocalDate from, LocalDate to);

	/**
	 * The response times of these agencies' responses made from {@code from} to {@code to}, both
	 * included: exact for the days of a month the period covers in part, from the month's buckets
	 * ({@link ResponseBuckets}) for a month it covers whole.
	 */
	Flux<TimedResponses> responses(LocalDate from, LocalDate to, Collection<String> agencyIds);

	/** The cases now overdue, most urgent first. */
	Flux<OverdueCase> overdue(int limit);

}
