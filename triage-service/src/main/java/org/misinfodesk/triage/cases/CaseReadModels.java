package org.misinfodesk.triage.cases;

import java.util.List;

import reactor.core.publisher.Flux;
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

	/** Several writes at once, such as a batch of reports filed together; one after another unless overridden. */
	default Mono<Void> written(List<Written> writes) {
		return Flux.fromIterable(writes).concatMap((write) -> written(write.before(), write.after())).then();
	}

	/**
	 * One write of a case.
	 * @param before the case as read for the write, or {@code null} when the write opened it
	 * @param after the case as written
	 */
	record Written(Case before, Case after) {
	}

}
