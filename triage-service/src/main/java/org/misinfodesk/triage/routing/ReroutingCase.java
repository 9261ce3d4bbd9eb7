package org.misinfodesk.triage.routing;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.misinfodesk.platform.outbox.Outbox;
import org.misinfodesk.platform.problem.FieldProblem;
import org.misinfodesk.platform.problem.ProblemException;
import org.misinfodesk.triage.cases.AuditAction;
import org.misinfodesk.triage.cases.AuditEntry;
import org.misinfodesk.triage.cases.Case;
import org.misinfodesk.triage.cases.CaseProblems;
import org.misinfodesk.triage.cases.CaseStatus;
import org.misinfodesk.triage.cases.Cases;
import org.misinfodesk.triage.cases.Decision;
import org.misinfodesk.triage.routing.RoutingSettings.Agency;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * An analyst sends a routed (or resolved) case to other agencies: a new routing with its own
 * deadlines and {@code case.routed} event. The agencies of earlier routings stay in the record
 * but are no longer awaited.
 */
@Service
public class ReroutingCase {

	private final Cases cases;

	private final Outbox outbox;

	private final RoutingSettings routing;

	private final DecisionValidation validation;

	private final Clock clock;

	ReroutingCase(Cases cases, Outbox outbox, RoutingSettings routing, Clock clock) {
		this.cases = cases;
		this.outbox = outbox;
		this.routing = routing;
		this.validation = new DecisionValidation(routing);
		this.clock = clock;
	}

	public Mono<Case> reroute(String caseId, String analyst, RerouteRequest request) {
		return Mono.fromCallable(() -> validated(request))
			.flatMap((agencies) -> Mono.defer(() -> this.cases.findById(caseId))
				.switchIfEmpty(Mono.error(() -> CaseProblems.notFound(caseId)))
				.flatMap((read) -> reroute(read, analyst, agencies, request.note()))
				.retryWhen(CaseProblems.RETRY_CHANGED_MEANWHILE));
	}

	private List<Agency> validated(RerouteRequest request) {
		List<FieldProblem> problems = new ArrayList<>();
		List<String> ids = (request.agencyIds() != null) ? request.agencyIds() : List.of();
		if (ids.isEmpty()) {
			problems.add(FieldProblem.of("agencyIds", "required"));
		}
		if (request.note() != null && request.note().length() > DecisionValidation.NOTE_MAX) {
			problems.add(FieldProblem.of("note", "too-long", DecisionValidation.NOTE_MAX));
		}
		DecisionDraft draft = this.validation.validate(new DecisionRequest("FAKE", "OTHER", "LOW", null, ids, null,
				null));
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		return draft.agencyIds().stream().map((id) -> this.routing.agency(id).orElseThrow()).toList();
	}

	private Mono<Case> reroute(Case read, String analyst, List<Agency> agencies, String note) {
		if (read.status() != CaseStatus.ROUTED && read.status() != CaseStatus.RESOLVED) {
			return Mono.error(ProblemException.conflict("case-not-routed"));
		}
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		Decision was = read.decision();
		Decision decision = new Decision(was.verdict(), was.category(), was.severity(), was.localityCode(),
				agencies.stream().map(Agency::id).toList(), was.publicNote(), was.note(), was.by(), was.at());
		String how = (note != null && !note.isBlank()) ? "re-routed: " + note.strip() : "re-routed";
		DecidingCase.Routed routed = DecidingCase.route(this.outbox, this.routing, read, analyst, decision, agencies,
				how, AuditAction.REROUTED, now);
		Cases.Outcome outcome = new Cases.Outcome(CaseStatus.ROUTED, decision, routed.number(), routed.agencies(),
				Case.nextAgencyDeadline(routed.agencies(), routed.number()), new ArrayList<AuditEntry>(routed.entries()),
				routed.events());
		return this.cases.reroute(read, outcome)
			.switchIfEmpty(Mono.error(() -> CaseProblems.changedMeanwhile(read.id())));
	}

}
