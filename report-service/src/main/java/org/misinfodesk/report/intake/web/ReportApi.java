package org.misinfodesk.report.intake.web;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.misinfodesk.platform.problem.LanguageResolver;
import org.misinfodesk.report.api.ProblemDocument;
import org.misinfodesk.report.intake.SubmittingReport;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * {@code POST /api/v1/reports}: a report sent as JSON.
 */
@RestController
@Tag(name = "Reports", description = "Send a report and follow its status")
class ReportApi {

	static final String REPLAYED = "Idempotent-Replayed";

	private final SubmittingReport submitting;

	ReportApi(SubmittingReport submitting) {
		this.submitting = submitting;
	}

	@PostMapping(path = "/api/v1/reports", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Send a report",
			description = "Only content is required. With an Idempotency-Key, sending the same body again returns the "
					+ "same tracking code; the same key with a different body is refused with 422.")
	@ApiResponse(responseCode = "201", description = "Received",
			headers = { @Header(name = "Location", description = "Where its status can be read"),
					@Header(name = REPLAYED, description = "true when this answers a repeated request") })
	@ApiResponse(responseCode = "400", description = "A field breaks a rule, or the body is not readable JSON",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(implementation = ProblemDocument.class)))
	@ApiResponse(responseCode = "422", description = "The Idempotency-Key was used for a different report",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(implementation = ProblemDocument.class)))
	Mono<ResponseEntity<ReportReceived>> submit(@RequestBody ReportRequest request,
			@Parameter(description = "Any unique text of up to 255 visible ASCII characters, such as a UUID, that "
					+ "makes retries safe") @RequestHeader(name = "Idempotency-Key",
							required = false) String idempotencyKey,
			ServerWebExchange exchange) {
		return this.submitting.submit(request.toDraft(), idempotencyKey, LanguageResolver.resolve(exchange))
			.map((receipt) -> {
				var response = ResponseEntity.created(URI.create("/api/v1/reports/" + receipt.trackingCode()));
				if (receipt.replayed()) {
					response.header(REPLAYED, "true");
				}
				return response.body(ReportReceived.of(receipt));
			});
	}

}
