package org.misinfodesk.report.tracking;

import java.time.Instant;

/**
 * One step of a report's status history.
 *
 * @param eventId the {@code ce_id} of the status change that added the step ({@code null} for the
 * first step), so that a replayed event cannot add it twice
 */
public record StatusEntry(Status status, Instant at, String eventId) {

	static final String EVENT_ID = "eventId";

	public static StatusEntry received(Instant at) {
		return new StatusEntry(Status.RECEIVED, at, null);
	}

}
