package org.misinfodesk.triage.cases;

import java.time.Instant;

/**
 * An analyst's lease on a case: nobody else may claim or decide it until the lease expires.
 */
public record Claim(String by, Instant at, Instant expiresAt) {

	public boolean activeAt(Instant now) {
		return this.expiresAt.isAfter(now);
	}

	/** Who may do what with a case right now, as seen by {@code analyst}. */
	public static ClaimState stateOf(Claim claim, String analyst, Instant now) {
		if (claim == null) {
			return ClaimState.FREE;
		}
		if (!claim.activeAt(now)) {
			return ClaimState.EXPIRED;
		}
		return claim.by().equals(analyst) ? ClaimState.MINE : ClaimState.HELD_BY_OTHER;
	}

}
