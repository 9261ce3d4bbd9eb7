package org.misinfodesk.notification.delivery;

import java.time.Duration;

/**
 * What one send reported, before it is timed and recorded as an {@link Attempt}.
 *
 * @param retryable whether trying again could help
 * @param retryAfter how long the receiver asked us to wait ({@code Retry-After} with {@code 429} or
 * {@code 503}); {@code null} when it did not
 * @param endpointFailure whether the failure counts against the webhook endpoint (it answered badly
 * or not at all), as opposed to our refusing to send
 */
record AttemptResult(Attempt.Outcome outcome, Integer statusCode, String error, boolean retryable,
		Duration retryAfter, boolean endpointFailure) {

	static final int MAX_ERROR = 500;

	static final int GONE = 410;

	static AttemptResult succeeded(Integer statusCode) {
		return new AttemptResult(Attempt.Outcome.SUCCEEDED, statusCode, null, false, null, false);
	}

	/** The receiver answered, but not with {@code 2xx}; {@code 410} means it wants no more. */
	static AttemptResult rejected(int statusCode, Duration retryAfter) {
		return new AttemptResult(Attempt.Outcome.FAILED, statusCode, null, statusCode != GONE, retryAfter, true);
	}

	static AttemptResult rejected(int statusCode) {
		return rejected(statusCode, null);
	}

	static AttemptResult failed(String error) {
		return new AttemptResult(Attempt.Outcome.FAILED, null, shortened(error), true, null, true);
	}

	/** We would not send, but may later (a target refused now may be fixed by the agency). */
	static AttemptResult refused(String error) {
		return new AttemptResult(Attempt.Outcome.FAILED, null, shortened(error), true, null, false);
	}

	static AttemptResult abandoned(String error) {
		return new AttemptResult(Attempt.Outcome.FAILED, null, shortened(error), false, null, false);
	}

	/** Names what went wrong without a stack trace: the innermost cause and its message. */
	static AttemptResult failed(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String name = root.getClass().getSimpleName();
		if (name.contains("Timeout")) {
			return failed("timeout (" + name + ")");
		}
		return failed(root.getMessage() == null ? name : name + ": " + root.getMessage());
	}

	boolean succeeded() {
		return this.outcome == Attempt.Outcome.SUCCEEDED;
	}

	boolean gone() {
		return this.statusCode != null && this.statusCode == GONE;
	}

	private static String shortened(String error) {
		return error != null && error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error;
	}

}
