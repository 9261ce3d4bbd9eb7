package org.misinfodesk.report.intake;

import java.time.Instant;
import java.util.List;

import org.misinfodesk.platform.outbox.OutboxEvent;
import org.misinfodesk.report.evidence.Evidence;
import org.misinfodesk.report.privacy.SealedContact;
import org.misinfodesk.report.tracking.Status;
import org.misinfodesk.report.tracking.StatusEntry;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.TypeAlias;

/**
 * A citizen's report as stored, with the events that still wait to be published.
 *
 * @param language the language the citizen used, {@code vi} or {@code en}
 * @param originalSourceUrl the link as sent; {@code sourceUrl} is its normalised form
 * @param contact only when the reporter consented to be contacted, and until they withdraw
 * @param requestFingerprint the fingerprint of an idempotent request, to recognise its retries
 */
@TypeAlias("report")
record Report(@Id String id, String trackingCode, Status status, List<StatusEntry> history, String publicNote,
		String content, String sourceUrl, String originalSourceUrl, Platform platform, Category categoryHint,
		String localityCode, Instant seenAt, Instant submittedAt, String language, List<Evidence> evidence,
		SealedContact contact, String requestFingerprint, List<OutboxEvent> outbox) {

	@Override
	public String toString() {
		return "Report[" + this.id + ", " + this.trackingCode + ", " + this.status + "]";
	}

}
