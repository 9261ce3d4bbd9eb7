package org.misinfodesk.report.tracking;

import java.security.SecureRandom;

import org.springframework.stereotype.Component;

/**
 * Draws new tracking codes from a cryptographically strong source, so that nobody can guess the
 * code of someone else's report from their own.
 */
@Component
public class TrackingCodes {

	private final SecureRandom random = new SecureRandom();

	public TrackingCode next() {
		return TrackingCode.random(this.random);
	}

}
