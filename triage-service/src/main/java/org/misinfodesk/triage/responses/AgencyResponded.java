package org.misinfodesk.triage.responses;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * {@code org.misinfodesk.agency.responded.v1}, trimmed to what triage uses.
 *
 * @param response {@code ACKNOWLEDGED}, {@code RESOLVED} or {@code DECLINED} (not the agency's
 * competence); kept as text so that a response kind added later is still recorded
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AgencyResponded(String caseId, String agencyId, String response, String note, Instant respondedAt) {

	public static final String ACKNOWLEDGED = "ACKNOWLEDGED";

	public static final String RESOLVED = "RESOLVED";

	public static final String DECLINED = "DECLINED";

	public boolean complete() {
		return this.caseId != null && !this.caseId.isBlank() && this.agencyId != null && !this.agencyId.isBlank()
				&& this.response != null && !this.response.isBlank() && this.respondedAt != null;
	}

}
