package org.misinfodesk.report.tracking;

import java.util.List;

import org.springframework.data.annotation.Id;

/**
 * The part of a stored report that a citizen may see. Read with a projection of exactly these
 * fields, so that personal data is never even loaded for a status request.
 */
public record TrackedReport(@Id String id, String trackingCode, Status status, List<StatusEntry> history,
		String publicNote, ContactMark contact) {

	public TrackedReport {
		history = history == null ? List.of() : List.copyOf(history);
	}

	/** Whether the reporter left a contact (and has not withdrawn it); the contact itself is not read. */
	public boolean hasContact() {
		return this.contact != null;
	}

	/** Only the id of the key that sealed the contact: enough to know there is one. */
	public record ContactMark(String keyId) {
	}

}
