package org.misinfodesk.notification.acknowledgement.web;

import java.security.Principal;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.misinfodesk.notification.acknowledgement.Acknowledgement;
import org.misinfodesk.notification.acknowledgement.AcknowledgingCase;
import org.misinfodesk.notification.acknowledgement.Outcome;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * The same acknowledgement and outcome as the link in an alert, for an agency's own system, which
 * names the case instead of carrying the link's token: its API key says which agency it is, and it
 * sees and answers only the cases routed to that agency, each in its latest routing there.
 */
@RestController
@Tag(name = "Agency API")
@SecurityRequirement(name = AgencyCasesController.AGENCY_KEY)
class AgencyCasesController {

	/** The name of the bearer key scheme in the OpenAPI description. */
	static final String AGENCY_KEY = "agency-key";

	private final AcknowledgingCase acknowledging;

	AgencyCasesController(AcknowledgingCase acknowledging) {
		this.acknowledging = acknowledging;
	}

	@GetMapping("/api/v1/agency/cases")
	@Operation(summary = "The cases routed to the key's agency, newest first, at most 500: state open (not "
			+ "resolved yet; the default), resolved or all. Authorization: Bearer mdk_...")
	Mono<Items> cases(@Parameter(description = "open, resolved or all") @RequestParam(required = false) String state,
			ServerWebExchange exchange) {
		return agencyOf(exchange)
			.flatMap((agencyId) -> this.acknowledging.casesOf(agencyId, state).map(AgencyCase::of).collectList())
			.map(Items::new);
	}

	@PostMapping("/api/v1/agency/cases/{caseId}/acknowledgement")
	@Operation(summary = "The key's agency acknowledges a case routed to it, with an optional note (at most "
			+ "4000 characters); emits agency.responded ACKNOWLEDGED once, as the link in the alert does; "
			+ "repeating it changes nothing. 404 for a case not routed to the agency")
	Mono<AgencyCase> acknowledge(@PathVariable String caseId, @RequestBody(required = false) Note note,
			ServerWebExchange exchange) {
		return agencyOf(exchange)
			.flatMap((agencyId) -> this.acknowledging.acknowledgeCase(agencyId, caseId, note == null ? null : note.note()))
			.map(AgencyCase::of);
	}

	@PostMapping("/api/v1/agency/cases/{caseId}/outcome")
	@Operation(summary = "The key's agency reports the outcome of a case routed to it: outcome REMOVED, CORRECTED, "
			+ "SANCTIONED, NO_ACTION_NEEDED or NOT_COMPETENT, and an optional publicNote (at most 4000 characters) "
			+ "that becomes the citizen's public note. Emits agency.responded once, RESOLVED (DECLINED for "
			+ "NOT_COMPETENT: triage routes the case again), acknowledging first if needed, as the link in the "
			+ "alert does; repeating it changes nothing. 404 for a case not routed to the agency")
	Mono<AgencyCase> reportOutcome(@PathVariable String caseId, @RequestBody(required = false) Resolution resolution,
			ServerWebExchange exchange) {
		return agencyOf(exchange)
			.flatMap((agencyId) -> this.acknowledging.reportCaseOutcome(agencyId, caseId,
					resolution == null ? null : resolution.outcome(), resolution == null ? null : resolution.publicNote()))
			.map(AgencyCase::of);
	}

	/** The security chain lets only requests with a working key through, and names its agency. */
	private static Mono<String> agencyOf(ServerWebExchange exchange) {
		return exchange.getPrincipal().map(Principal::getName);
	}

	record Note(String note) {
	}

	record Resolution(String outcome, String publicNote) {
	}

	/**
	 * @param routedAt when this service alerted the agency of the routing
	 * @param response {@code AWAITING}, {@code ACKNOWLEDGED}, {@code RESOLVED} or {@code DECLINED}
	 */
	record AgencyCase(String caseId, int routing, String verdict, String category, String severity, String summary,
			Instant routedAt, Instant dueAt, boolean acknowledged, Instant acknowledgedAt, boolean resolved,
			Instant resolvedAt, String response, Outcome outcome, String publicNote) {

		static AgencyCase of(Acknowledgement found) {
			var routed = found.routed();
			return new AgencyCase(routed.caseId(), routed.routing(), routed.verdict(), routed.category(),
					routed.severity(), routed.summary(), found.createdAt(), routed.dueAt(), found.acknowledged(),
					found.acknowledgedAt(), found.resolved(), found.resolvedAt(), found.response(), found.outcome(),
					found.outcomeNote());
		}

	}

	record Items(List<AgencyCase> items) {
	}

}
