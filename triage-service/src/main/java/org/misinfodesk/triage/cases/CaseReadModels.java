package org.misinfodesk.triage.cases;

import reactor.core.publisher.Mono;

/**
 * Read models kept from the cases' writes, such as the dashboard's counters. Told once per write
 * that changed a case, after it was stored: a write whose condition failed, or a redelivered event
 * that changed nothing, is never told, so whatever they count is counted once.
 */
public interface CaseReadModels {

	/**
	 * @param before the case as read for the write, or {@code null} when the write opened it
	 * @param after the case as written
	 */
	Mono<Void> written(Case before, Case after);

}
