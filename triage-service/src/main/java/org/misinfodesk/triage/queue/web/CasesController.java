package org.misinfodesk.triage.queue.web;

import java.security.Principal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.misinfodesk.platform.problem.FieldProblem;
import org.misinfodesk.platform.problem.ProblemException;
import org.misinfodesk.triage.cases.CaseDetails;
import org.misinfodesk.triage.cases.CaseProblems;
import org.misinfodesk.triage.cases.CaseSummary;
import org.misinfodesk.triage.cases.Cases;
import org.misinfodesk.triage.cases.QueueFilter;
import org.misinfodesk.triage.queue.QueueFilters;
import org.misinfodesk.triage.queue.ClaimingCase;
import org.misinfodesk.triage.queue.QueueSettings;
import org.misinfodesk.triage.queue.ReleasingCase;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1/cases", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Cases", description = "The triage queue and the cases in it")
class CasesController {

	private final Cases cases;

	private final ClaimingCase claiming;

	private final ReleasingCase releasing;

	private final QueueSettings settings;

	private final Clock clock;

	CasesController(Cases cases, ClaimingCase claiming, ReleasingCase releasing, QueueSettings settings,
			Clock clock) {
		this.cases = cases;
		this.claiming = claiming;
		this.releasing = releasing;
		this.settings = settings;
		this.clock = clock;
	}

	@GetMapping
	@Operation(summary = "List cases, most urgent first",
			description = "Highest priority first, then the oldest first report. Without status: the open cases "
					+ "(NEW, IN_REVIEW). Filters by category, locality and overdue combine. Roles ANALYST, SUPERVISOR.")
	@ApiResponse(responseCode = "200", description = "The cases")
	@ApiResponse(responseCode = "400", description = "Unknown status, category or overdue value, or limit out of range",
			content = @Content(mediaType = "application/problem+json"))
	Mono<CaseList> list(
			@Parameter(description = "NEW, IN_REVIEW, ROUTED or CLOSED; repeat it or separate with commas")
			@RequestParam(name = "status", required = false) List<String> status,
			@Parameter(description = "At most this many cases: by default misinfodesk.queue.page-size (50), "
					+ "at most misinfodesk.queue.max-listed (500)",
					schema = @Schema(type = "integer", minimum = "1", defaultValue = "50"))
			@RequestParam(name = "limit", required = false) String limit,
			@Parameter(description = "Only this category (decided, else the reporters' hint)")
			@RequestParam(name = "category", required = false) String category,
			@Parameter(description = "Only this locality code")
			@RequestParam(name = "locality", required = false) String locality,
			@Parameter(description = "true: only overdue cases; false: only cases on time")
			@RequestParam(name = "overdue", required = false) String overdue) {
		List<FieldProblem> problems = new ArrayList<>();
		QueueFilter filter = QueueFilters.of(status, category, locality, overdue, problems);
		int max = limit(limit, problems);
		if (!problems.isEmpty()) {
			return Mono.error(ProblemException.invalid(problems));
		}
		return this.cases.list(filter, max, this.clock.instant()).collectList().map(CaseList::new);
	}

	@GetMapping("/{id}")
	@Operation(summary = "A case with its reports, decision, agencies and audit trail",
			description = "Roles ANALYST, SUPERVISOR.")
	@ApiResponse(responseCode = "404", description = "No such case",
			content = @Content(mediaType = "application/problem+json"))
	Mono<CaseDetails> details(@PathVariable String id) {
		return this.cases.findById(id)
			.switchIfEmpty(Mono.error(() -> CaseProblems.notFound(id)))
			.map((c) -> CaseDetails.of(c, this.clock.instant()));
	}

	@PostMapping("/{id}/claim")
	@Operation(summary = "Claim a case",
			description = "Takes the case for a lease (misinfodesk.queue.claim-lease); claiming your own case again "
					+ "renews the lease. The first claim puts a NEW case IN_REVIEW. Role ANALYST.")
	@ApiResponse(responseCode = "200", description = "The claimed case")
	@ApiResponse(responseCode = "409", description = "Another analyst holds the case, or it is already decided",
			content = @Content(mediaType = "application/problem+json"))
	Mono<CaseDetails> claim(@PathVariable String id, Principal analyst) {
		return this.claiming.claim(id, analyst.getName()).map((c) -> CaseDetails.of(c, this.clock.instant()));
	}

	@PostMapping("/{id}/release")
	@Operation(summary = "Release your claim on a case", description = "Role ANALYST, holder of the claim only.")
	@ApiResponse(responseCode = "200", description = "The released case")
	@ApiResponse(responseCode = "409", description = "You do not hold the claim",
			content = @Content(mediaType = "application/problem+json"))
	Mono<CaseDetails> release(@PathVariable String id, Principal analyst) {
		return this.releasing.release(id, analyst.getName()).map((c) -> CaseDetails.of(c, this.clock.instant()));
	}

	private int limit(String limit, List<FieldProblem> problems) {
		if (limit == null || limit.isBlank()) {
			return this.settings.pageSize();
		}
		try {
			int value = Integer.parseInt(limit.strip());
			if (value >= 1 && value <= this.settings.maxListed()) {
				return value;
			}
		}
		catch (NumberFormatException ex) {
			// reported below like any other out-of-range value
		}
		problems.add(FieldProblem.of("limit", "out-of-range", 1, this.settings.maxListed()));
		return 0;
	}

	/** The queue as the API returns it. */
	record CaseList(List<CaseSummary> items) {
	}

}
