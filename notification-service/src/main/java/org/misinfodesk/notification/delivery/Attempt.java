package org.misinfodesk.notification.delivery;

import java.time.Instant;

/**
 * One try at a delivery.
 *
 * @param statusCode the HTTP status the webhook answered with; {@code null} for email or when no
 * answer came
 * @param error why it failed when there is no status to say so
 */
public record Attempt(Instant at, Outcome outcome, Integer statusCode, String error, long durationMs) {

	public enum Outcome {

		SUCCEEDED, FAILED

	}

}
