package org.misinfodesk.notification.delivery;

/**
 * What one send reported, before it is timed and recorded as an {@link Attempt}.
 *
 * @param retryable whether trying again could help
 */
record AttemptResult(Attempt.Outcome outcome, Integer statusCode, String error, boolean retryable) {

	static final int MAX_ERROR = 500;

	static AttemptResult succeeded(Integer statusCode) {
		return new AttemptResult(Attempt.Outcome.SUCCEEDED, statusCode, null, false);
	}

	static AttemptResult rejected(int statusCode) {
		return new AttemptResult(Attempt.Outcome.FAILED, statusCode, null, true);
	}

	static AttemptResult failed(String error) {
		return new AttemptResult(Attempt.Outcome.FAILED, null, shortened(error), true);
	}

	static AttemptResult abandoned(String error) {
		return new AttemptResult(Attempt.Outcome.FAILED, null, shortened(error), false);
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

	private static String shortened(String error) {
		return error != null && error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error;
	}

}
