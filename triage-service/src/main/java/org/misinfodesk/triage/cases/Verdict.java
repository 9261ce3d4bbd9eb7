package org.misinfodesk.triage.cases;

/** What the analyst found the reported information to be. */
public enum Verdict {

	FAKE, UNTRUE, DISTORTED, ACCURATE, UNVERIFIABLE, OUT_OF_SCOPE;

	/**
	 * Whether there is something for an agency to act on when the analyst names no agency: accurate
	 * information and reports outside the desk's remit are closed unless the analyst routes them.
	 */
	public boolean routedByDefault() {
		return this != ACCURATE && this != OUT_OF_SCOPE;
	}

}
