package org.misinfodesk.triage.responses;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.misinfodesk.platform.events.MalformedEventException;
import org.misinfodesk.platform.outbox.Outbox;
import org.misinfodesk.platform.outbox.OutboxEvent;
import org.misinfodesk.triage.cases.AuditAction;
import org.misinfodesk.triage.cases.AuditEntry;
import org.misinfodesk.triage.cases.Case;
import org.misinfodesk.triage.cases.CaseProblems;
import org.misinfodesk.triage.cases.CaseStatus;
import org.misinfodesk.triage.cases.Cases;
import org.misinfodesk.triage.cases.Priorities;
import org.misinfodesk.triage.cases.ReportStatusChanged;
import org.misinfodesk.triage.cases.RoutedAgency;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * An agency acknowledged a case, reported its outcome or declined it as not its competence: the
 * case's audit trail says so, and the agency's entry on the case keeps when it first acknowledged,
 * resolved or declined, which stops its deadlines. When every agency of the current routing has
 * resolved it, the case is resolved and each reporter told so, in the same write. When no agency
 * of the current routing is left to handle it (each declined, or resolved with at least one
 * declining), the case goes back to the analysts' queue ({@code IN_REVIEW}, unclaimed, priority
 * raised) to be decided and routed again; the reporters are not told, their case is still being
 * handled. Recording the same event twice changes nothing.
 */
@Service
public class RecordingAgencyResponse {

	private static final int NOTE_IN_AUDIT = 500;

	/** What a case declined by its agencies gains: it climbs above every case of its severity, like a late one. */
	static final int DECLINED_POINTS = Priorities.OVERDUE_POINTS;

	private final Cases cases;

	private final Outbox outbox;

	private final Clock clock;

	RecordingAgencyResponse(Cases cases, Outbox outbox, Clock clock) {
		this.cases = cases;
		this.outbox = outbox;
		this.clock = clock;
	}

	/**
	 * @return whether the response was recorded now (rather than already)
	 * @throws MalformedEventException (in the Mono) when triage has no such case: no retry can help
	 */
	public Mono<Boolean> record(AgencyResponded response, String eventId) {
		return Mono.defer(() -> this.cases.findById(response.caseId()))
			.switchIfEmpty(Mono.error(() -> new MalformedEventException(
					"Event %s answers unknown case %s".formatted(eventId, response.caseId()))))
			.flatMap((read) -> record(read, response, eventId))
			.retryWhen(CaseProblems.RETRY_CHANGED_MEANWHILE);
	}

	private Mono<Boolean> record(Case read, AgencyResponded response, String eventId) {
		if (read.hasRecorded(eventId)) {
			return Mono.just(false);
		}
		List<RoutedAgency> agencies = read.agencies()
			.stream()
			.map((agency) -> agency.agencyId().equals(response.agencyId()) ? responded(agency, response) : agency)
			.toList();
		Instant now = this.clock.instant();
		List<RoutedAgency> current = agencies.stream().filter((agency) -> agency.routing() == read.routing()).toList();
		boolean answered = read.status() == CaseStatus.ROUTED && !current.isEmpty()
				&& current.stream().allMatch((agency) -> agency.resolvedAt() != null || agency.isDeclined());
		boolean returned = answered && current.stream().anyMatch(RoutedAgency::isDeclined);
		boolean resolved = answered && !returned;
		CaseStatus status = resolved ? CaseStatus.RESOLVED : returned ? CaseStatus.IN_REVIEW : read.status();
		boolean overdue = !answered && current.stream().anyMatch((agency) -> agency.lateAt(now));
		int priority = read.priority() - ((read.overdue() && !overdue) ? Priorities.OVERDUE_POINTS : 0)
				+ (returned ? DECLINED_POINTS : 0);
		String details = details(read, response) + (resolved ? " → case resolved"
				: returned ? " → no agency of routing %d left: case back in the queue to be routed again"
					.formatted(read.routing()) : "");
		AuditEntry entry = new AuditEntry(response.respondedAt(), "agency:" + response.agencyId(),
				AuditAction.AGENCY_RESPONDED, details, eventId);
		List<OutboxEvent> events = resolved ? ReportStatusChanged.forEachReport(this.outbox, read,
				ReportStatusChanged.Status.RESOLVED, (read.decision() != null) ? read.decision().publicNote() : null,
				now) : List.of();
		Cases.Response change = new Cases.Response(status, agencies,
				resolved ? null : Case.nextAgencyDeadline(agencies, read.routing()), overdue, priority, entry, events);
		return this.cases.recordResponse(read, change)
			.map((recorded) -> true)
			.switchIfEmpty(Mono.error(() -> CaseProblems.changedMeanwhile(read.id())));
	}

	private static RoutedAgency responded(RoutedAgency agency, AgencyResponded response) {
		return switch (response.response()) {
			case AgencyResponded.ACKNOWLEDGED -> agency.acknowledged(response.respondedAt());
			case AgencyResponded.RESOLVED -> agency.resolved(response.respondedAt());
			case AgencyResponded.DECLINED -> agency.declined(response.respondedAt());
			default -> agency;
		};
	}

	private static String details(Case read, AgencyResponded response) {
		StringBuilder details = new StringBuilder(response.response());
		if (read.agencies().stream().noneMatch((agency) -> agency.agencyId().equals(response.agencyId()))) {
			details.append(" (agency not routed on this case)");
		}
		if (response.note() != null && !response.note().isBlank()) {
			String note = response.note().strip();
			details.append(": ")
				.append((note.length() > NOTE_IN_AUDIT) ? note.substring(0, NOTE_IN_AUDIT) + "…" : note);
		}
		return details.toString();
	}

}
