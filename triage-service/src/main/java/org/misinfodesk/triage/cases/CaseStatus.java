package org.misinfodesk.triage.cases;

import java.util.EnumSet;
import java.util.Set;

/** Where a case is in triage. */
public enum CaseStatus {

	NEW, IN_REVIEW, ROUTED, RESOLVED, CLOSED,
	/** Its reports moved to another case ({@code mergedInto}); it stays only for its audit trail. */
	MERGED;

	/** The statuses of the queue: cases still waiting for a decision. */
	public static final Set<CaseStatus> OPEN = EnumSet.of(NEW, IN_REVIEW);

	/** The statuses with deadlines still running: waiting for a decision or for agencies. */
	public static final Set<CaseStatus> WITH_DEADLINES = EnumSet.of(NEW, IN_REVIEW, ROUTED);

	public boolean isOpen() {
		return OPEN.contains(this);
	}

}
