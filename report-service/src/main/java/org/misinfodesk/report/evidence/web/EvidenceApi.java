package org.misinfodesk.report.evidence.web;

import java.util.List;
import java.util.regex.Pattern;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.misinfodesk.platform.problem.ProblemException;
import org.misinfodesk.report.api.ProblemDocument;
import org.misinfodesk.report.evidence.EvidenceContent;
import org.misinfodesk.report.evidence.EvidenceFiles;
import org.misinfodesk.report.evidence.Thumbnails;
import reactor.core.publisher.Mono;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Evidence files for analysts and supervisors (HTTP Basic): the stored bytes, without the metadata
 * they arrived with, and a small preview. triage-service proxies both with its service account.
 */
@RestController
@Tag(name = "Evidence", description = "Files attached to reports; staff only")
@SecurityRequirement(name = "staff")
class EvidenceApi {

	private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

	private static final MessageSourceResolvable EVIDENCE = new DefaultMessageSourceResolvable(
			new String[] { "noun.evidence" }, "evidence file");

	/** Evidence is shown as data, never run: a PDF or image opened directly gets no scripts and no origin. */
	private static final String SANDBOX = "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'";

	private final EvidenceFiles files;

	private final Thumbnails thumbnails;

	EvidenceApi(EvidenceFiles files, Thumbnails thumbnails) {
		this.files = files;
		this.thumbnails = thumbnails;
	}

	@GetMapping("/api/v1/evidence/{evidenceId}")
	@Operation(summary = "Read an evidence file",
			description = "The file as stored: recognised by content, images without EXIF/XMP/IPTC metadata.")
	@ApiResponse(responseCode = "200", description = "The file, with its content type",
			content = { @Content(mediaType = "image/png"), @Content(mediaType = "image/jpeg"),
					@Content(mediaType = "image/webp"), @Content(mediaType = "application/pdf") })
	@ApiResponse(responseCode = "401", description = "No or wrong staff credentials",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(implementation = ProblemDocument.class)))
	@ApiResponse(responseCode = "404", description = "No such file",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(implementation = ProblemDocument.class)))
	Mono<ResponseEntity<byte[]>> file(@PathVariable String evidenceId) {
		return find(evidenceId).map((content) -> ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(content.kind().contentType()))
			.cacheControl(CacheControl.noStore().cachePrivate())
			.header("Content-Disposition",
					ContentDisposition.inline()
						.filename(content.id() + "." + content.kind().name().toLowerCase(java.util.Locale.ROOT))
						.build()
						.toString())
			.header("Content-Security-Policy", SANDBOX)
			.body(content.bytes()));
	}

	@GetMapping("/api/v1/evidence/{evidenceId}/thumbnail")
	@Operation(summary = "Read a preview of an evidence file",
			description = "A PNG at most 320 pixels on its longest side; PDF and WebP files get a generic document "
					+ "picture (header Evidence-Placeholder: true).")
	@ApiResponse(responseCode = "200", description = "The preview", content = @Content(mediaType = "image/png"))
	@ApiResponse(responseCode = "401", description = "No or wrong staff credentials",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(implementation = ProblemDocument.class)))
	@ApiResponse(responseCode = "404", description = "No such file",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(implementation = ProblemDocument.class)))
	Mono<ResponseEntity<byte[]>> thumbnail(@PathVariable String evidenceId) {
		return find(evidenceId).map(this.thumbnails::of)
			.map((thumbnail) -> ResponseEntity.ok()
				.contentType(MediaType.IMAGE_PNG)
				.cacheControl(CacheControl.noStore().cachePrivate())
				.header("Evidence-Placeholder", Boolean.toString(thumbnail.placeholder()))
				.body(thumbnail.png()));
	}

	private Mono<EvidenceContent> find(String evidenceId) {
		if (!ID.matcher(evidenceId).matches()) {
			return Mono.error(notFound(evidenceId));
		}
		return this.files.read(evidenceId).switchIfEmpty(Mono.error(() -> notFound(evidenceId)));
	}

	private static ProblemException notFound(String evidenceId) {
		return new ProblemException(HttpStatus.NOT_FOUND, "not-found", List.of(EVIDENCE, evidenceId), List.of());
	}

}
