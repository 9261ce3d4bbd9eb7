package org.misinfodesk.platform.outbox;

import java.time.Instant;

/**
 * An event waiting, inside the document of the aggregate that raised it, for the relay to publish
 * it. Written by the same single-document write as the state change, so the two cannot disagree.
 *
 * @param id the CloudEvents {@code ce_id}, also what consumers deduplicate on (stored as {@code _id}, as
 * Spring Data maps every {@code id} property)
 * @param data the event body as JSON, exactly as it will be published
 */
public record OutboxEvent(String id, String type, String source, String topic, String key, String subject,
		Instant time, String data, String traceparent) {

	/** Field that holds the pending events in every document that has an outbox. */
	public static final String FIELD = "outbox";

}
