package org.misinfodesk.triage.clustering.web;

import java.security.Principal;
import java.time.Clock;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.misinfodesk.triage.cases.CaseDetails;
import org.misinfodesk.triage.cases.CaseProblems;
import org.misinfodesk.triage.cases.CaseSummary;
import org.misinfodesk.triage.cases.Cases;
import org.misinfodesk.triage.clustering.FindingSimilarCases;
import org.misinfodesk.triage.clustering.MergingCases;
import org.misinfodesk.triage.clustering.SplittingCase;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Cases")
class ClusteringController {

	private final MergingCases merging;

	private final SplittingCase splitting;

	private final FindingSimilarCases similar;

	private final Cases cases;

	private final Clock clock;

	ClusteringController(MergingCases merging, SplittingCase splitting, FindingSimilarCases similar, Cases cases,
			Clock clock) {
		this.merging = merging;
		this.splitting = splitting;
		this.similar = similar;
		this.cases = cases;
		this.clock = clock;
	}

	@PostMapping(path = "/api/v1/cases/{id}/merge", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Merge another open case into this one",
			description = "The reports of caseId move here; caseId becomes MERGED. Both must be open and not held by "
					+ "another analyst. Role ANALYST.")
	@ApiResponse(responseCode = "409", description = "A case is decided or held by another analyst",
			content = @Content(mediaType = "application/problem+json"))
	Mono<CaseDetails> merge(@PathVariable String id, @RequestBody MergeRequest request, Principal analyst) {
		return this.merging.merge(id, request.caseId(), analyst.getName())
			.map((c) -> CaseDetails.of(c, this.clock.instant()));
	}

	@PostMapping(path = "/api/v1/cases/{id}/split", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Split a report out of this open case into a new case",
			description = "Answers the new case. Role ANALYST.")
	Mono<CaseDetails> split(@PathVariable String id, @RequestBody SplitRequest request, Principal analyst) {
		return this.splitting.split(id, request.reportId(), analyst.getName())
			.map((c) -> CaseDetails.of(c, this.clock.instant()));
	}

	@GetMapping(path = "/api/v1/cases/{id}/similar", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Cases about similar information, most alike first",
			description = "similarity is the estimated share of text shingles in common (1 for the same source). "
					+ "Roles ANALYST, SUPERVISOR.")
	Mono<SimilarList> similar(@PathVariable String id) {
		return this.cases.findById(id)
			.switchIfEmpty(Mono.error(() -> CaseProblems.notFound(id)))
			.flatMapMany(this.similar::similarTo)
			.map((found) -> new SimilarCase(CaseSummary.of(found.c(), this.clock.instant()), found.similarity()))
			.collectList()
			.map(SimilarList::new);
	}

	/** @param caseId the case whose reports move into this one */
	record MergeRequest(String caseId) {
	}

	/** @param reportId the report to take out */
	record SplitRequest(String reportId) {
	}

	record SimilarCase(CaseSummary c, double similarity) {
	}

	record SimilarList(List<SimilarCase> items) {
	}

}
