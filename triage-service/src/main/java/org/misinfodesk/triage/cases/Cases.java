package org.misinfodesk.triage.cases;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.misinfodesk.platform.outbox.OutboxEvent;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The stored cases. Every change is one conditional document write carrying its events, and is
 * announced on {@link CaseChanges}; a change whose condition no longer holds (someone else changed
 * the case first) completes empty, and the caller reads again and decides.
 */
public interface Cases {

	/** Stores a new case; {@code false} if a case with its id already exists. */
	Mono<Boolean> open(Case opened);

	Mono<Case> findById(String id);

	/** Cases in the given statuses, most urgent first (priority, then oldest first). */
	Flux<Case> findByStatus(Collection<CaseStatus> statuses, int limit);

	/**
	 * Claims the case as read, provided nothing changed since and the claim is still free, expired
	 * or the claimant's own.
	 */
	Mono<Case> claim(Case read, Claim claim, List<AuditEntry> entries, List<OutboxEvent> events);

	/** Drops the claim, provided {@code analyst} still holds it. */
	Mono<Case> release(Case read, String analyst, AuditEntry entry);

	/**
	 * Records the decision, routes or closes the case and frees its claim, provided nothing changed
	 * since it was read and {@code analyst} still holds an unexpired claim at {@code now}.
	 */
	Mono<Case> decide(Case read, String analyst, Instant now, Outcome outcome);

	/** Records an agency's response, provided nothing changed since and the event is new to the case. */
	Mono<Case> recordResponse(Case read, List<RoutedAgency> agencies, AuditEntry entry);

	/** What a decision changes. */
	record Outcome(CaseStatus status, Decision decision, int routing, List<RoutedAgency> agencies,
			List<AuditEntry> entries, List<OutboxEvent> events) {
	}

}
