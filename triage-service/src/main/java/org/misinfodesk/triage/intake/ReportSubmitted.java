package org.misinfodesk.triage.intake;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * {@code org.misinfodesk.report.submitted.v1}, trimmed to what triage uses. Enumerated values stay
 * strings so that a value added by a later producer is tolerated rather than fatal.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReportSubmitted(String reportId, String trackingCode, String content, String sourceUrl,
		String platform, String categoryHint, String localityCode, Instant seenAt, Instant submittedAt,
		List<Evidence> evidence) {

	public ReportSubmitted {
		evidence = (evidence != null) ? evidence.stream().filter(Evidence::complete).toList() : List.of();
	}

	/** Whether the fields triage cannot work without are there. */
	public boolean complete() {
		return present(this.reportId) && present(this.trackingCode) && present(this.content)
				&& this.submittedAt != null;
	}

	private static boolean present(String value) {
		return value != null && !value.isBlank();
	}

	/** An attached file's description. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Evidence(String id, String contentType, long size, String sha256) {

		boolean complete() {
			return present(this.id) && present(this.contentType);
		}

	}

}
