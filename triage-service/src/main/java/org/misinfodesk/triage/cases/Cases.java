package org.misinfodesk.triage.cases;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.misinfodesk.platform.outbox.OutboxEvent;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The stored cases. Every change is one conditional document write carrying its events, and is
 * announced on {@link CaseChanges}; a change whose condition no longer holds (someone else changed
 * the case first) completes empty, and the caller reads again and decides.
 */
public interface Cases {

	/** Stores a new case; {@code false} if a case with its id, or holding its report, already exists. */
	Mono<Boolean> open(Case opened);

	Mono<Case> findById(String id);

	/** The case holding a report, if any. */
	Mono<Case> findHolding(String reportId);

	/** The ids of the reports, among these, that some case holds already; one read. */
	Mono<Set<String>> findHeld(Collection<String> reportIds);

	/** The given cases that are in one of the statuses (without their pending events). */
	Flux<Case> findAllById(Collection<String> ids, Collection<CaseStatus> statuses);

	/**
	 * The queue's lines of the cases the filter lets through, most urgent first (priority, then
	 * oldest first), as they are at {@code now} (a claim that expired by then is not shown).
	 */
	Flux<CaseSummary> list(QueueFilter filter, int limit, Instant now);

	/** Cases the filter lets through, oldest first, in batches: for exports of any size. */
	Flux<Case> stream(QueueFilter filter, Instant from, Instant to);

	/** Cases with deadlines still running whose next deadline is due by {@code now}. */
	Flux<Case> findDeadlineDue(Instant now, int limit);

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

	/** Re-routes a routed case, provided nothing changed since it was read. */
	Mono<Case> reroute(Case read, Outcome outcome);

	/** Records an agency's response, provided nothing changed since and the event is new to the case. */
	Mono<Case> recordResponse(Case read, Response response);

	/** Adds a report to an open case, provided nothing changed since it was read. */
	default Mono<Case> join(Case read, Joined joined) {
		return join(read, List.of(joined));
	}

	/** Adds reports to an open case in one write, provided nothing changed since it was read. */
	Mono<Case> join(Case read, List<Joined> joined);

	/**
	 * Files a batch of reports: stores the new cases in one command and makes each case's joins one
	 * write, then keeps the read models of all of them together.
	 * @return the cases written, each as stored; a case left out was not written (one of its reports
	 * was filed meanwhile, or the case changed since it was read), and its reports are to be filed
	 * again
	 */
	Flux<Case> file(List<Case> opened, List<Joining> joinings);

	/** Marks passed deadlines, provided nothing changed since the case was read. */
	Mono<Case> markOverdue(Case read, Overdue overdue);

	/** Replaces the reports of a case (merge and split), provided nothing changed since it was read. */
	Mono<Case> regroup(Case read, Regrouped regrouped);

	/** What a decision changes. */
	record Outcome(CaseStatus status, Decision decision, int routing, List<RoutedAgency> agencies,
			Instant nextDeadlineAt, List<AuditEntry> entries, List<OutboxEvent> events) {
	}

	/** What an agency's response changes. */
	record Response(CaseStatus status, List<RoutedAgency> agencies, Instant nextDeadlineAt, boolean overdue,
			int priority, AuditEntry entry, List<OutboxEvent> events) {
	}

	/** What a report joining a case changes. */
	record Joined(CaseReport report, int priority, Instant lastReportedAt, List<TextSignature> signatures,
			List<String> urlKeys, AuditEntry entry, List<OutboxEvent> events) {
	}

	/** Reports joining one case, in the order they came. */
	record Joining(Case read, List<Joined> joined) {
	}

	/** What the deadline scan changes. */
	record Overdue(List<RoutedAgency> agencies, int priority, Instant nextDeadlineAt, List<AuditEntry> entries,
			List<OutboxEvent> events) {
	}

	/** A case's new set of reports after a merge or a split. */
	record Regrouped(CaseStatus status, List<CaseReport> reports, int priority, Instant firstReportedAt,
			Instant lastReportedAt, List<TextSignature> signatures, List<String> urlKeys, String mergedInto,
			List<AuditEntry> entries, List<OutboxEvent> events) {
	}

}
