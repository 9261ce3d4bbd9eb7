package org.misinfodesk.triage.dashboard;

import java.time.LocalDate;

/**
 * How long one agency took to acknowledge, or to resolve, one routing of one case. Kept per agency,
 * kind and day of the response; a sample is its case and routing, so keeping it twice keeps it once.
 */
public record ResponseSample(LocalDate day, String agencyId, Kind kind, String caseId, int routing, long seconds) {

	public String id() {
		return Tally.idPrefix(this.day) + this.agencyId + "|" + this.kind;
	}

	/** Which response. */
	public enum Kind {

		ACKNOWLEDGEMENT, RESOLUTION

	}

}
