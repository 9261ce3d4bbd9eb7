package org.misinfodesk.report.intake;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A submission sent with an {@code Idempotency-Key}. The report's id is derived from the key, so
 * that the store's unique {@code _id} lets only one of several concurrent requests create it.
 *
 * @param fingerprint a keyed digest of the submission, to tell a retry from a different report
 */
record IdempotentRequest(String key, String fingerprint) {

	String reportId() {
		return UUID.nameUUIDFromBytes(("Idempotency-Key:" + this.key).getBytes(StandardCharsets.UTF_8)).toString();
	}

	/** What to do when a report with this request's id already exists. */
	Outcome against(String storedFingerprint) {
		return this.fingerprint.equals(storedFingerprint) ? Outcome.REPLAY : Outcome.CONFLICT;
	}

	enum Outcome {

		/** The same report again: answer as the first time. */
		REPLAY,

		/** The key was used for a different report. */
		CONFLICT

	}

}
