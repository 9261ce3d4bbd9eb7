package org.misinfodesk.report.tracking;

import java.time.Instant;

/**
 * Triage moved a report to {@code status}.
 *
 * @param eventId the {@code ce_id} of the event that said so
 * @param publicNote what the citizen may read about it; {@code null} keeps the current note
 */
public record StatusChange(String eventId, String reportId, Status status, String publicNote, Instant changedAt) {
}
