package org.misinfodesk.report.abuse;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.misinfodesk.platform.problem.ProblemException;
import org.misinfodesk.platform.problem.ProblemHeaders;

import org.springframework.http.HttpStatus;

/**
 * A client sent more than its share; {@code Retry-After} says in how many seconds it may send again.
 */
class TooManyRequests extends ProblemException implements ProblemHeaders {

	private final long seconds;

	TooManyRequests(Duration retryAfter) {
		super(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", List.of(Math.max(1, retryAfter.toSeconds())),
				List.of());
		this.seconds = Math.max(1, retryAfter.toSeconds() + (retryAfter.toMillisPart() > 0 ? 1 : 0));
	}

	@Override
	public Map<String, String> headers() {
		return Map.of("Retry-After", Long.toString(this.seconds));
	}

}
