package org.misinfodesk.triage.queue;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.misinfodesk.triage.cases.AuditAction;
import org.misinfodesk.triage.cases.AuditEntry;
import org.misinfodesk.triage.cases.Case;
import org.misinfodesk.triage.cases.CaseProblems;
import org.misinfodesk.triage.cases.Cases;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * The analyst holding a case gives it back to the queue before the lease runs out. The case stays in
 * review: its reporters already know someone looked at it.
 */
@Service
public class ReleasingCase {

	private final Cases cases;

	private final Clock clock;

	ReleasingCase(Cases cases, Clock clock) {
		this.cases = cases;
		this.clock = clock;
	}

	public Mono<Case> release(String caseId, String analyst) {
		return Mono.defer(() -> this.cases.findById(caseId))
			.switchIfEmpty(Mono.error(() -> CaseProblems.notFound(caseId)))
			.flatMap((read) -> release(read, analyst));
	}

	private Mono<Case> release(Case read, String analyst) {
		if (read.claim() == null || !read.claim().by().equals(analyst)) {
			return Mono.error(CaseProblems.claimNotHeld());
		}
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		return this.cases.release(read, analyst, AuditEntry.of(now, analyst, AuditAction.RELEASED, null))
			.switchIfEmpty(Mono.error(CaseProblems::claimNotHeld));
	}

}
