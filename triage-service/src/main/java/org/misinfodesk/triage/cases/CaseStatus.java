package org.misinfodesk.triage.cases;

import java.util.EnumSet;
import java.util.Set;

/** Where a case is in triage. */
public enum CaseStatus {

	NEW, IN_REVIEW, ROUTED, CLOSED;

	/** The statuses of the queue: cases still waiting for a decision. */
	public static final Set<CaseStatus> OPEN = EnumSet.of(NEW, IN_REVIEW);

	public boolean isOpen() {
		return OPEN.contains(this);
	}

}
