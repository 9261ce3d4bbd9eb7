package org.misinfodesk.triage.cases;

/** A case's claim as seen by one analyst at one instant. */
public enum ClaimState {

	/** Nobody ever claimed it, or the claim was released. */
	FREE,
	/** Someone's lease ran out: the case is free again. */
	EXPIRED,
	/** The analyst holds an unexpired lease: they may decide, release or renew. */
	MINE,
	/** Another analyst holds an unexpired lease. */
	HELD_BY_OTHER;

	public boolean claimable() {
		return this != HELD_BY_OTHER;
	}

}
