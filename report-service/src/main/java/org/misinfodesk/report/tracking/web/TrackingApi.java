package org.misinfodesk.report.tracking.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.misinfodesk.platform.problem.ProblemException;
import org.misinfodesk.report.api.ProblemDocument;
import org.misinfodesk.report.tracking.TrackedReports;
import org.misinfodesk.report.tracking.TrackingCode;
import reactor.core.publisher.Mono;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpStatus;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/reports/{trackingCode}}: the status of a report.
 */
@RestController
@Tag(name = "Reports")
class TrackingApi {

	/** "report" in the request's language, for the not-found detail. */
	private static final MessageSourceResolvable REPORT = new DefaultMessageSourceResolvable(
			new String[] { "noun.report" }, "report");

	private final TrackedReports reports;

	TrackingApi(TrackedReports reports) {
		this.reports = reports;
	}

	@GetMapping(path = "/api/v1/reports/{trackingCode}", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Read the status of a report",
			description = "The code is read in any case, with or without its dash.")
	@ApiResponse(responseCode = "200", description = "The status, its history and the public note")
	@ApiResponse(responseCode = "404", description = "No report has this code",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(implementation = ProblemDocument.class)))
	Mono<ResponseEntity<ReportStatus>> status(
			@Parameter(example = "7KQ4-M9TX") @PathVariable String trackingCode) {
		return Mono.justOrEmpty(TrackingCode.parse(trackingCode))
			.flatMap(this.reports::findByTrackingCode)
			.map((report) -> ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(ReportStatus.of(report)))
			.switchIfEmpty(Mono.error(() -> new ProblemException(HttpStatus.NOT_FOUND, "not-found",
					List.of(REPORT, trackingCode), List.of())));
	}

}
