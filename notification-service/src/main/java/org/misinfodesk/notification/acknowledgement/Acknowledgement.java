package org.misinfodesk.notification.acknowledgement;

import java.time.Instant;
import java.util.List;

import org.misinfodesk.platform.outbox.OutboxEvent;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One agency's acknowledgement of one routing of a case, found by the token in its link. Its
 * {@code outbox} carries {@code agency.responded} from the moment of the acknowledgement until the
 * relay has published it.
 *
 * @param token the unguessable credential in the acknowledgement link
 * @param key {@code <caseId>/<routing>/<agencyId>}, unique, so a redelivered routing reuses the token
 * @param resolvedAt when the agency reported the outcome; {@code null} until then
 * @param outcome what the agency did about the case
 * @param outcomeNote the agency's words about the outcome, which become the citizen's public note
 */
@Document(Acknowledgements.COLLECTION)
public record Acknowledgement(@Id String token, String key, String agencyId, String agencyName, RoutedCase routed,
		Instant createdAt, Instant acknowledgedAt, String note, Instant resolvedAt, Outcome outcome,
		String outcomeNote, List<OutboxEvent> outbox) {

	public Acknowledgement {
		outbox = outbox == null ? List.of() : List.copyOf(outbox);
	}

	static Acknowledgement awaiting(String token, String agencyId, String agencyName, RoutedCase routed,
			Instant now) {
		return new Acknowledgement(token, keyOf(routed.caseId(), routed.routing(), agencyId), agencyId, agencyName,
				routed, now, null, null, null, null, null, List.of());
	}

	static String keyOf(String caseId, int routing, String agencyId) {
		return caseId + "/" + routing + "/" + agencyId;
	}

	public boolean resolved() {
		return this.resolvedAt != null;
	}

	public boolean acknowledged() {
		return this.acknowledgedAt != null;
	}

	/**
	 * The latest answer, as {@code agency.responded} named it: {@code RESOLVED} or {@code DECLINED}
	 * once the outcome is reported, {@code ACKNOWLEDGED} before, {@code AWAITING} before any answer.
	 */
	public String response() {
		if (resolved()) {
			return AgencyResponded.responseTo(this.outcome);
		}
		return acknowledged() ? AgencyResponded.ACKNOWLEDGED : "AWAITING";
	}

}
