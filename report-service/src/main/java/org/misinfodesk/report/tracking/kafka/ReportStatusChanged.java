package org.misinfodesk.report.tracking.kafka;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.misinfodesk.platform.events.MalformedEventException;
import org.misinfodesk.report.tracking.Status;
import org.misinfodesk.report.tracking.StatusChange;

/**
 * The fields of {@value #TYPE} that this service uses; the rest of the event is ignored, so later
 * versions may add fields freely.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record ReportStatusChanged(String reportId, Status status, String publicNote, Instant changedAt) {

	static final String TYPE = "org.misinfodesk.report.status-changed.v1";

	static final String TOPIC = "reports.status-changed";

	/**
	 * @param fallbackTime when the change happened if the body does not say (the event's time)
	 */
	StatusChange toChange(String eventId, Instant fallbackTime) {
		if (this.reportId == null || this.reportId.isBlank() || this.status == null) {
			throw new MalformedEventException("Status change " + eventId + " lacks its reportId or status");
		}
		return new StatusChange(eventId, this.reportId, this.status, this.publicNote,
				this.changedAt != null ? this.changedAt : fallbackTime);
	}

}
