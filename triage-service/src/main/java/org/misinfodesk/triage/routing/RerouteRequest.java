package org.misinfodesk.triage.routing;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** An analyst's request to send a routed case to other agencies. */
@Schema(description = "A new routing of a decided case. agencyIds is required.")
public record RerouteRequest(
		@Schema(description = "The agencies of the new routing (GET /api/v1/agencies)",
				requiredMode = Schema.RequiredMode.REQUIRED) List<String> agencyIds,
		@Schema(description = "Why, for the audit trail", maxLength = 4000) String note) {
}
