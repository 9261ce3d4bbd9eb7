package org.misinfodesk.triage.deadlines;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.misinfodesk.platform.outbox.Outbox;
import org.misinfodesk.platform.outbox.OutboxEvent;
import org.misinfodesk.triage.cases.AuditAction;
import org.misinfodesk.triage.cases.AuditEntry;
import org.misinfodesk.triage.cases.Case;
import org.misinfodesk.triage.cases.Cases;
import org.misinfodesk.triage.cases.Channels;
import org.misinfodesk.triage.cases.Priorities;
import org.misinfodesk.triage.cases.RoutedAgency;
import org.misinfodesk.triage.cases.Severity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * Finds the cases whose next deadline passed and marks them: an undecided case past its triage
 * deadline, an agency past its acknowledgement or resolution deadline. A marked case is overdue
 * and climbs the queue; each agency deadline missed raises one {@code case.overdue} event in the
 * same write. Each deadline is marked once, so a scan repeated (or run by two replicas at once,
 * the writes being conditional) announces nothing twice.
 */
@Service
public class MarkingOverdueCases {

	private static final Logger log = LoggerFactory.getLogger(MarkingOverdueCases.class);

	private final Cases cases;

	private final Outbox outbox;

	private final DeadlineSettings settings;

	MarkingOverdueCases(Cases cases, Outbox outbox, DeadlineSettings settings) {
		this.cases = cases;
		this.outbox = outbox;
		this.settings = settings;
	}

	/** @return how many cases were marked */
	public Mono<Integer> markAt(Instant at) {
		Instant now = at.truncatedTo(ChronoUnit.MILLIS);
		return this.cases.findDeadlineDue(now, this.settings.batch())
			.concatMap((read) -> mark(read, now).onErrorResume((ex) -> {
				log.warn("Could not mark case {} overdue; the next scan tries again", read.id(), ex);
				return Mono.empty();
			}))
			.count()
			.map(Long::intValue);
	}

	private Mono<Case> mark(Case read, Instant now) {
		List<AuditEntry> entries = new ArrayList<>();
		List<OutboxEvent> events = new ArrayList<>();
		List<RoutedAgency> agencies = new ArrayList<>();
		Severity severity = (read.decision() != null) ? read.decision().severity() : null;
		if (read.status().isOpen() && read.dueAt() != null && !read.dueAt().isAfter(now) && !read.overdue()) {
			entries.add(AuditEntry.of(now, AuditEntry.SYSTEM, AuditAction.OVERDUE,
					"not decided by " + read.dueAt()));
		}
		for (RoutedAgency agency : read.agencies()) {
			boolean current = agency.routing() == read.routing();
			boolean acknowledgement = current && agency.acknowledgementLateAt(now);
			boolean resolution = current && agency.resolutionLateAt(now);
			if (acknowledgement) {
				late(read, agency, CaseOverdue.Deadline.ACKNOWLEDGEMENT, agency.dueAt(), severity, now, entries,
						events);
			}
			if (resolution) {
				late(read, agency, CaseOverdue.Deadline.RESOLUTION, agency.resolveDueAt(), severity, now, entries,
						events);
			}
			agencies.add((acknowledgement || resolution) ? agency.markedLate(now, acknowledgement, resolution)
					: agency);
		}
		Instant next = read.status().isOpen() ? null : Case.nextAgencyDeadline(agencies, read.routing());
		int priority = read.priority() + ((!read.overdue() && !entries.isEmpty()) ? Priorities.OVERDUE_POINTS : 0);
		return this.cases.markOverdue(read, new Cases.Overdue(agencies, priority, next, entries, events));
	}

	private void late(Case read, RoutedAgency agency, CaseOverdue.Deadline deadline, Instant dueAt, Severity severity,
			Instant now, List<AuditEntry> entries, List<OutboxEvent> events) {
		entries.add(AuditEntry.of(now, AuditEntry.SYSTEM, AuditAction.OVERDUE,
				"%s: %s due %s (routing %d)".formatted(agency.agencyId(), deadline, dueAt, agency.routing())));
		events.add(this.outbox.event(Channels.CASE_OVERDUE, Channels.CASES_OVERDUE_TOPIC, read.id(),
				new CaseOverdue(read.id(), agency.routing(), agency.agencyId(), deadline, dueAt, now,
						(severity != null) ? severity : Severity.MEDIUM, read.summary())));
	}

}
