package org.misinfodesk.report.updates;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.TypeAlias;

/**
 * An email owed to a reporter about one status change. It holds no address: the sender opens the
 * report's sealed contact when it sends, so a reporter who withdraws consent gets no further mail.
 *
 * @param id the report id and the id of the status-changed event, so one change owes one mail
 */
@TypeAlias("statusMail")
record StatusMail(@Id String id, String reportId, String status, String publicNote, State state, int attempts,
		Instant nextAttemptAt, String lastError, Instant createdAt) {

	enum State {

		PENDING, SENT, CANCELLED, FAILED

	}

}
