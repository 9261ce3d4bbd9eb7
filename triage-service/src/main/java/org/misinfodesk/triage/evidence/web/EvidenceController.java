package org.misinfodesk.triage.evidence.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.misinfodesk.triage.evidence.FetchingEvidence;
import org.misinfodesk.triage.evidence.FetchingEvidence.Rendition;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Cases")
class EvidenceController {

	private final FetchingEvidence fetching;

	EvidenceController(FetchingEvidence fetching) {
		this.fetching = fetching;
	}

	@GetMapping("/api/v1/cases/{caseId}/evidence/{evidenceId}/thumbnail")
	@Operation(summary = "The thumbnail of an evidence file of one of the case's reports",
			description = "Fetched from report-service with triage's own credentials. Roles ANALYST, SUPERVISOR; a "
					+ "browser may also use its login session.")
	@ApiResponse(responseCode = "404", description = "No such case, or no such evidence in it",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "502", description = "report-service failed",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "504", description = "report-service did not answer in time",
			content = @Content(mediaType = "application/problem+json"))
	Mono<ResponseEntity<Flux<DataBuffer>>> thumbnail(@PathVariable String caseId, @PathVariable String evidenceId) {
		return this.fetching.fetch(caseId, evidenceId, Rendition.THUMBNAIL).map(EvidenceController::safe);
	}

	@GetMapping("/api/v1/cases/{caseId}/evidence/{evidenceId}")
	@Operation(summary = "An evidence file of one of the case's reports",
			description = "As the thumbnail, the whole file. Roles ANALYST, SUPERVISOR.")
	@ApiResponse(responseCode = "404", description = "No such case, or no such evidence in it",
			content = @Content(mediaType = "application/problem+json"))
	Mono<ResponseEntity<Flux<DataBuffer>>> original(@PathVariable String caseId, @PathVariable String evidenceId) {
		return this.fetching.fetch(caseId, evidenceId, Rendition.ORIGINAL).map(EvidenceController::safe);
	}

	/** Type and length as report-service sent them; never sniffed, never run as a page, never shared by caches. */
	private static ResponseEntity<Flux<DataBuffer>> safe(ResponseEntity<Flux<DataBuffer>> upstream) {
		HttpHeaders headers = new HttpHeaders();
		if (upstream.getHeaders().getContentType() != null) {
			headers.setContentType(upstream.getHeaders().getContentType());
		}
		if (upstream.getHeaders().getContentLength() >= 0) {
			headers.setContentLength(upstream.getHeaders().getContentLength());
		}
		headers.setCacheControl(CacheControl.noStore().cachePrivate());
		headers.set("X-Content-Type-Options", "nosniff");
		headers.set(HttpHeaders.CONTENT_DISPOSITION, "inline");
		headers.set("Content-Security-Policy", "sandbox; default-src 'none'");
		return ResponseEntity.ok().headers(headers).body(upstream.getBody());
	}

}
