package org.misinfodesk.triage.routing.web;

import java.security.Principal;
import java.time.Clock;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.misinfodesk.triage.cases.CaseDetails;
import org.misinfodesk.triage.routing.DecidingCase;
import org.misinfodesk.triage.routing.DecisionRequest;
import org.misinfodesk.triage.routing.RerouteRequest;
import org.misinfodesk.triage.routing.ReroutingCase;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Cases")
class DecisionController {

	private final DecidingCase deciding;

	private final ReroutingCase rerouting;

	private final Clock clock;

	DecisionController(DecidingCase deciding, ReroutingCase rerouting, Clock clock) {
		this.deciding = deciding;
		this.rerouting = rerouting;
		this.clock = clock;
	}

	@PostMapping(path = "/api/v1/cases/{id}/decision", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Decide a case you hold",
			description = "Routes the case (status ROUTED) to the agencies in agencyIds or, when none are given, to "
					+ "those of the category's routing rule; ACCURATE and OUT_OF_SCOPE verdicts without agencyIds, "
					+ "and categories without a rule, close the case (status CLOSED). Tells agencies and reporters "
					+ "through events. Role ANALYST with an unexpired claim on the case.")
	@ApiResponse(responseCode = "200", description = "The decided case")
	@ApiResponse(responseCode = "400", description = "Invalid fields, all listed in errors",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "404", description = "No such case",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "409", description = "You do not hold an unexpired claim, or it is already decided",
			content = @Content(mediaType = "application/problem+json"))
	Mono<CaseDetails> decide(@PathVariable String id, @RequestBody DecisionRequest request, Principal analyst) {
		return this.deciding.decide(id, analyst.getName(), request).map((c) -> CaseDetails.of(c, this.clock.instant()));
	}

	@PostMapping(path = "/api/v1/cases/{id}/reroute", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Route a decided case again, to other agencies",
			description = "A new routing (number + 1) with its own deadlines and case.routed event; the agencies of "
					+ "earlier routings are no longer awaited. The case must be ROUTED or RESOLVED. Role ANALYST.")
	@ApiResponse(responseCode = "400", description = "No or unknown agencies",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "409", description = "The case is not routed",
			content = @Content(mediaType = "application/problem+json"))
	Mono<CaseDetails> reroute(@PathVariable String id, @RequestBody RerouteRequest request, Principal analyst) {
		return this.rerouting.reroute(id, analyst.getName(), request)
			.map((c) -> CaseDetails.of(c, this.clock.instant()));
	}

}
