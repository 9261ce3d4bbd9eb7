package org.misinfodesk.triage.routing;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.misinfodesk.platform.outbox.Outbox;
import org.misinfodesk.platform.outbox.OutboxEvent;
import org.misinfodesk.triage.cases.AuditAction;
import org.misinfodesk.triage.cases.AuditEntry;
import org.misinfodesk.triage.cases.Case;
import org.misinfodesk.triage.cases.CaseProblems;
import org.misinfodesk.triage.cases.CaseReport;
import org.misinfodesk.triage.cases.CaseStatus;
import org.misinfodesk.triage.cases.Cases;
import org.misinfodesk.triage.cases.Channels;
import org.misinfodesk.triage.cases.ClaimState;
import org.misinfodesk.triage.cases.Decision;
import org.misinfodesk.triage.cases.ReportStatusChanged;
import org.misinfodesk.triage.cases.RoutedAgency;
import org.misinfodesk.triage.routing.RoutingSettings.Agency;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * The analyst holding a case decides it. With agencies (chosen, or by the category's rule) the case
 * is routed: the agencies are asked to act by a deadline and the reporters learn that it was
 * forwarded. Without, it is closed and the reporters learn that. Either way the decision, the audit
 * entries, the end of the claim and every event are one document write.
 */
@Service
public class DecidingCase {

	private static final Logger log = LoggerFactory.getLogger(DecidingCase.class);

	private final Cases cases;

	private final Outbox outbox;

	private final RoutingSettings routing;

	private final DecisionValidation validation;

	private final RoutingRules rules;

	private final Clock clock;

	DecidingCase(Cases cases, Outbox outbox, RoutingSettings routing, Clock clock) {
		this.cases = cases;
		this.outbox = outbox;
		this.routing = routing;
		this.validation = new DecisionValidation(routing);
		this.rules = new RoutingRules(routing);
		this.clock = clock;
		if (routing.agencies().isEmpty()) {
			log.warn("No agencies configured (misinfodesk.routing.agencies): every decision will close its case");
		}
	}

	/** @throws org.misinfodesk.platform.problem.ProblemException (in the Mono) 400, 404 or 409 */
	public Mono<Case> decide(String caseId, String analyst, DecisionRequest request) {
		return Mono.fromCallable(() -> this.validation.validate(request))
			.flatMap((draft) -> Mono.defer(() -> this.cases.findById(caseId))
				.switchIfEmpty(Mono.error(() -> CaseProblems.notFound(caseId)))
				.flatMap((read) -> decide(read, analyst, draft))
				.retryWhen(CaseProblems.RETRY_CHANGED_MEANWHILE));
	}

	private Mono<Case> decide(Case read, String analyst, DecisionDraft draft) {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		if (!read.status().isOpen()) {
			return Mono.error(CaseProblems.alreadyDecided(read.status()));
		}
		ClaimState claim = read.claimStateFor(analyst, now);
		if (claim == ClaimState.HELD_BY_OTHER) {
			return Mono.error(CaseProblems.claimedByOther(read.claim()));
		}
		if (claim != ClaimState.MINE) {
			return Mono.error(CaseProblems.claimRequired());
		}
		String locality = (draft.localityCode() != null) ? draft.localityCode() : firstLocality(read);
		List<Agency> agencies = this.rules.agenciesFor(draft, locality);
		Decision decision = new Decision(draft.verdict(), draft.category(), draft.severity(), locality,
				agencies.stream().map(Agency::id).toList(), draft.publicNote(), draft.note(), analyst, now);
		List<AuditEntry> entries = new ArrayList<>();
		entries.add(AuditEntry.of(now, analyst, AuditAction.DECIDED, "verdict=%s category=%s severity=%s locality=%s"
			.formatted(draft.verdict(), draft.category(), draft.severity(), locality)));
		Cases.Outcome outcome = agencies.isEmpty() ? closed(read, analyst, decision, entries, now)
				: routed(read, analyst, decision, agencies, !draft.agencyIds().isEmpty(), entries, now);
		return this.cases.decide(read, analyst, now, outcome)
			.switchIfEmpty(Mono.error(() -> CaseProblems.changedMeanwhile(read.id())));
	}

	private Cases.Outcome routed(Case read, String analyst, Decision decision, List<Agency> agencies, boolean chosen,
			List<AuditEntry> entries, Instant now) {
		Routed routed = route(this.outbox, this.routing, read, analyst, decision, agencies, chosen ? "chosen" : "by rule",
				AuditAction.ROUTED, now);
		entries.addAll(routed.entries());
		List<OutboxEvent> events = new ArrayList<>(routed.events());
		events.addAll(ReportStatusChanged.forEachReport(this.outbox, read, ReportStatusChanged.Status.FORWARDED,
				decision.publicNote(), now));
		return new Cases.Outcome(CaseStatus.ROUTED, decision, routed.number(), routed.agencies(),
				Case.nextAgencyDeadline(routed.agencies(), routed.number()), entries, events);
	}

	/**
	 * A new routing of the case to {@code agencies}: their deadlines, the audit entry and the
	 * {@code case.routed} event, in the trace the case's first report began (so that one trace leads
	 * from the citizen's submit to the agency's alert). Earlier routings' agencies stay on the case,
	 * no longer awaited.
	 */
	static Routed route(Outbox outbox, RoutingSettings routing, Case read, String analyst, Decision decision,
			List<Agency> agencies, String how, AuditAction action, Instant now) {
		int number = read.routing() + 1;
		Instant dueAt = now.plus(routing.acknowledgeWithin(decision.severity()));
		Instant resolveDueAt = now.plus(routing.resolveWithin(decision.severity()));
		List<RoutedAgency> all = new ArrayList<>(read.agencies());
		agencies.forEach((agency) -> all
			.add(RoutedAgency.routed(agency.id(), agency.name(), number, dueAt, resolveDueAt, now)));
		String routedTo = agencies.stream().map(Agency::id).collect(Collectors.joining(", "));
		AuditEntry entry = AuditEntry.of(now, analyst, action,
				"routing %d to %s (%s), acknowledge by %s, resolve by %s".formatted(number, routedTo, how, dueAt,
						resolveDueAt));
		CaseRouted event = new CaseRouted(read.id(), number, decision.verdict(), decision.category(),
				decision.severity(), decision.localityCode(), read.summary(), read.reportCount(), read.sourceUrls(),
				agencies.stream().map((agency) -> new CaseRouted.Agency(agency.id(), agency.name())).toList(),
				decision.publicNote(), dueAt, now);
		return new Routed(number, all, List.of(entry),
				List.of(outbox.event(Channels.CASE_ROUTED, Channels.CASES_ROUTED_TOPIC, read.id(), event,
						read.traceparent())));
	}

	/** What one routing adds to a case. */
	record Routed(int number, List<RoutedAgency> agencies, List<AuditEntry> entries, List<OutboxEvent> events) {
	}

	private Cases.Outcome closed(Case read, String analyst, Decision decision, List<AuditEntry> entries,
			Instant now) {
		entries.add(AuditEntry.of(now, analyst, AuditAction.CLOSED, "no agency to route to"));
		List<OutboxEvent> events = ReportStatusChanged.forEachReport(this.outbox, read,
				ReportStatusChanged.Status.CLOSED, decision.publicNote(), now);
		return new Cases.Outcome(CaseStatus.CLOSED, decision, read.routing(), read.agencies(), null, entries, events);
	}

	static String firstLocality(Case read) {
		return read.reports()
			.stream()
			.map(CaseReport::localityCode)
			.filter((code) -> code != null && !code.isBlank())
			.findFirst()
			.orElse(null);
	}

}
