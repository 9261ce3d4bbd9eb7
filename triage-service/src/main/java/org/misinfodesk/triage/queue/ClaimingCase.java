package org.misinfodesk.triage.queue;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.misinfodesk.platform.outbox.Outbox;
import org.misinfodesk.platform.outbox.OutboxEvent;
import org.misinfodesk.triage.cases.AuditAction;
import org.misinfodesk.triage.cases.AuditEntry;
import org.misinfodesk.triage.cases.Case;
import org.misinfodesk.triage.cases.CaseProblems;
import org.misinfodesk.triage.cases.CaseStatus;
import org.misinfodesk.triage.cases.Cases;
import org.misinfodesk.triage.cases.Claim;
import org.misinfodesk.triage.cases.ClaimState;
import org.misinfodesk.triage.cases.ReportStatusChanged;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * An analyst takes a case so that nobody else works it, for a lease that claiming again renews.
 * The first claim puts the case in review and tells each reporter so, in the same write.
 */
@Service
public class ClaimingCase {

	private final Cases cases;

	private final Outbox outbox;

	private final QueueSettings settings;

	private final Clock clock;

	ClaimingCase(Cases cases, Outbox outbox, QueueSettings settings, Clock clock) {
		this.cases = cases;
		this.outbox = outbox;
		this.settings = settings;
		this.clock = clock;
	}

	public Mono<Case> claim(String caseId, String analyst) {
		return Mono.defer(() -> this.cases.findById(caseId))
			.switchIfEmpty(Mono.error(() -> CaseProblems.notFound(caseId)))
			.flatMap((read) -> claim(read, analyst))
			.retryWhen(CaseProblems.RETRY_CHANGED_MEANWHILE);
	}

	private Mono<Case> claim(Case read, String analyst) {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		if (!read.status().isOpen()) {
			return Mono.error(CaseProblems.alreadyDecided(read.status()));
		}
		ClaimState state = read.claimStateFor(analyst, now);
		if (!state.claimable()) {
			return Mono.error(CaseProblems.claimedByOther(read.claim()));
		}
		Claim claim = new Claim(analyst, now, now.plus(this.settings.claimLease()));
		AuditEntry entry = AuditEntry.of(now, analyst, AuditAction.CLAIMED,
				((state == ClaimState.MINE) ? "renewed until " : "until ") + claim.expiresAt());
		List<OutboxEvent> events = (read.status() == CaseStatus.NEW)
				? ReportStatusChanged.forEachReport(this.outbox, read, ReportStatusChanged.Status.IN_REVIEW, null, now)
				: List.of();
		return this.cases.claim(read, claim, List.of(entry), events)
			.switchIfEmpty(Mono.error(() -> CaseProblems.changedMeanwhile(read.id())));
	}

}
