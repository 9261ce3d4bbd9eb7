package org.misinfodesk.report.intake.web;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.misinfodesk.platform.problem.FieldProblem;
import org.misinfodesk.platform.problem.LanguageResolver;
import org.misinfodesk.platform.problem.ProblemException;
import org.misinfodesk.report.api.ProblemDocument;
import org.misinfodesk.report.intake.Receipt;
import org.misinfodesk.report.intake.SubmittingReport;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.http.codec.multipart.Part;
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

	private final Uploads uploads;

	private final JsonMapper json;

	ReportApi(SubmittingReport submitting, Uploads uploads, JsonMapper json) {
		this.submitting = submitting;
		this.uploads = uploads;
		this.json = json;
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
			.map(ReportApi::created);
	}

	@PostMapping(path = "/api/v1/reports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Send a report with evidence files",
			description = "A `report` part with the JSON body and up to 5 `evidence` file parts (PNG, JPEG, WebP or "
					+ "PDF, recognised by content; 10 MiB each by default). Metadata such as GPS positions is removed "
					+ "from images before they are stored.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
					mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
					schema = @Schema(implementation = ReportWithEvidence.class))))
	@ApiResponse(responseCode = "201", description = "Received",
			headers = { @Header(name = "Location", description = "Where its status can be read"),
					@Header(name = REPLAYED, description = "true when this answers a repeated request") })
	@ApiResponse(responseCode = "400",
			description = "A field or a file breaks a rule (too many, too large, not an accepted kind)",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(implementation = ProblemDocument.class)))
	@ApiResponse(responseCode = "413", description = "A part is far beyond the size limit",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(implementation = ProblemDocument.class)))
	@ApiResponse(responseCode = "429", description = "Too many reports from this client; see Retry-After",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(implementation = ProblemDocument.class)))
	Mono<ResponseEntity<ReportReceived>> submitWithEvidence(
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
			ServerWebExchange exchange) {
		return exchange.getMultipartData().flatMap((parts) -> {
			Part report = parts.getFirst("report");
			if (report == null) {
				return Mono.error(ProblemException.invalid(List.of(FieldProblem.of("report", "required"))));
			}
			return DataBufferUtils.join(report.content())
				.map(this::readReport)
				.switchIfEmpty(Mono.error(() -> ProblemException.of(HttpStatus.BAD_REQUEST, "malformed-request")))
				.zipWith(this.uploads.read(parts.get(Uploads.PART)))
				.flatMap((read) -> this.submitting.submit(read.getT1().toDraft(), read.getT2(), idempotencyKey,
						LanguageResolver.resolve(exchange)));
		}).map(ReportApi::created);
	}

	private ReportRequest readReport(DataBuffer buffer) {
		try {
			byte[] bytes = new byte[buffer.readableByteCount()];
			buffer.read(bytes);
			ReportRequest request = this.json.readValue(bytes, ReportRequest.class);
			if (request == null) {
				throw ProblemException.of(HttpStatus.BAD_REQUEST, "malformed-request");
			}
			return request;
		}
		catch (JacksonException ex) {
			throw ProblemException.of(HttpStatus.BAD_REQUEST, "malformed-request");
		}
		finally {
			DataBufferUtils.release(buffer);
		}
	}

	private static ResponseEntity<ReportReceived> created(Receipt receipt) {
		var response = ResponseEntity.created(URI.create("/api/v1/reports/" + receipt.trackingCode()));
		if (receipt.replayed()) {
			response.header(REPLAYED, "true");
		}
		return response.body(ReportReceived.of(receipt));
	}

	/** The multipart form of a report, for the OpenAPI document. */
	@Schema(name = "ReportWithEvidence")
	record ReportWithEvidence(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) ReportRequest report,
			@Schema(description = "Up to 5 files", type = "array") List<byte[]> evidence) {
	}

}
