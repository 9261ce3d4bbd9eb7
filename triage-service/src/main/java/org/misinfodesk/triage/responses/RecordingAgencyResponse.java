package org.misinfodesk.triage.responses;

import java.util.List;

import org.misinfodesk.platform.events.MalformedEventException;
import org.misinfodesk.triage.cases.AuditAction;
import org.misinfodesk.triage.cases.AuditEntry;
import org.misinfodesk.triage.cases.Case;
import org.misinfodesk.triage.cases.CaseProblems;
import org.misinfodesk.triage.cases.Cases;
import org.misinfodesk.triage.cases.RoutedAgency;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * An agency acknowledged a case or reported its outcome: the case's audit trail says so, and the
 * agency's entry on the case keeps when it first acknowledged and resolved. Recording the same
 * event twice changes nothing.
 */
@Service
public class RecordingAgencyResponse {

	private static final int NOTE_IN_AUDIT = 500;

	private final Cases cases;

	RecordingAgencyResponse(Cases cases) {
		this.cases = cases;
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
		AuditEntry entry = new AuditEntry(response.respondedAt(), "agency:" + response.agencyId(),
				AuditAction.AGENCY_RESPONDED, details(read, response), eventId);
		return this.cases.recordResponse(read, agencies, entry)
			.map((recorded) -> true)
			.switchIfEmpty(Mono.error(() -> CaseProblems.changedMeanwhile(read.id())));
	}

	private static RoutedAgency responded(RoutedAgency agency, AgencyResponded response) {
		return switch (response.response()) {
			case AgencyResponded.ACKNOWLEDGED -> agency.acknowledged(response.respondedAt());
			case AgencyResponded.RESOLVED -> agency.resolved(response.respondedAt());
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
