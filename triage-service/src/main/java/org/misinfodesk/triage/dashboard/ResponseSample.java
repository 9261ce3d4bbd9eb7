package org.misinfodesk.triage.dashboard;

import java.time.LocalDate;

/**
 * How long one agency took to acknowledge, or to resolve, one routing of one case, counted on the
 * day of the response.
 */
public record ResponseSample(LocalDate day, String agencyId, Kind kind, long seconds) {

	/** Which response. */
	public enum Kind {

		ACKNOWLEDGEMENT, RESOLUTION

	}

}
