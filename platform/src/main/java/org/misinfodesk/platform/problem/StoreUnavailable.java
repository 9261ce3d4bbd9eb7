package org.misinfodesk.platform.problem;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * The store did not answer (timeout, socket error, or the driver paused its pool after one): the
 * same request can succeed once the store is back, so the client is asked to try again shortly (a
 * write that did reach the store is found again by its idempotency key or its deterministic id).
 */
class StoreUnavailable extends ProblemException implements ProblemHeaders {

	private static final String RETRY_AFTER_SECONDS = "5";

	StoreUnavailable(Throwable cause) {
		super(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", List.of(), List.of());
		initCause(cause);
	}

	@Override
	public Map<String, String> headers() {
		return Map.of(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
	}

}
