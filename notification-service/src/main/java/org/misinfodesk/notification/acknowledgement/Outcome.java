package org.misinfodesk.notification.acknowledgement;

/**
 * What an agency did about a case it was asked to verify and resolve. Each is reported to triage as
 * {@code RESOLVED}, except {@link #NOT_COMPETENT}, reported as {@code DECLINED}; the kind stays here
 * and names the outcome when the agency writes no note.
 */
public enum Outcome {

	/** The false information was taken down. */
	REMOVED,

	/** A correction or official statement was published. */
	CORRECTED,

	/** The offender was dealt with (warning, fine, investigation). */
	SANCTIONED,

	/** Verified; nothing needed doing. */
	NO_ACTION_NEEDED,

	/** Not the agency's competence: the case goes back to triage to be routed elsewhere. */
	NOT_COMPETENT

}
