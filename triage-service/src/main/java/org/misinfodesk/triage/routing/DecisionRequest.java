package org.misinfodesk.triage.routing;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An analyst's decision as sent. Enumerated values arrive as strings so that a wrong one is reported
 * on its field, together with every other problem of the request.
 */
@Schema(description = "A decision on a case. verdict, category and severity are required.")
public record DecisionRequest(
		@Schema(allowableValues = { "FAKE", "UNTRUE", "DISTORTED", "ACCURATE", "UNVERIFIABLE", "OUT_OF_SCOPE" },
				requiredMode = Schema.RequiredMode.REQUIRED) String verdict,
		@Schema(allowableValues = { "POLICY_LAW", "ECONOMY_FINANCE", "HEALTH", "DISASTER_EPIDEMIC", "SECURITY_ORDER",
				"IMPERSONATION", "SCAM", "OTHER" }, requiredMode = Schema.RequiredMode.REQUIRED) String category,
		@Schema(allowableValues = { "LOW", "MEDIUM", "HIGH", "CRITICAL" },
				requiredMode = Schema.RequiredMode.REQUIRED) String severity,
		@Schema(description = "Defaults to the locality of the case's first report", maxLength = 64,
				example = "HNA-PHU-LY") String localityCode,
		@Schema(description = "Agencies to route to (GET /api/v1/agencies). Empty or absent: the routing rule "
				+ "of the category; ACCURATE and OUT_OF_SCOPE verdicts are then closed without routing.")
		List<String> agencyIds,
		@Schema(description = "Shown to the reporters", maxLength = 2000) String publicNote,
		@Schema(description = "Internal, for staff only", maxLength = 4000) String note) {
}
