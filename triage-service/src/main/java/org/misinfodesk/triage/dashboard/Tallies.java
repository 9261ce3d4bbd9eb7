package org.misinfodesk.triage.dashboard;

import java.time.LocalDate;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The dashboard's stored figures: counters moved by {@code $inc} on documents keyed by day,
 * dimension and value; response times per agency and day; the overdue list. Reading a period reads
 * one range of ids per collection, never the cases.
 */
public interface Tallies {

	Mono<Void> keep(ChangeFigures figures);

	/** Every counter of the days from {@code from} to {@code to}, both included. */
	Flux<Tally> counted(LocalDate from, LocalDate to);

	/** Every response time kept for responses made from {@code from} to {@code to}, both included. */
	Flux<ResponseSample> responses(LocalDate from, LocalDate to);

	/** The cases now overdue, most urgent first. */
	Flux<OverdueCase> overdue(int limit);

}
