package org.misinfodesk.report.evidence;

/**
 * A file that starts like an accepted kind but whose structure is broken.
 */
class UnreadableFileException extends RuntimeException {

	UnreadableFileException(String message) {
		super(message);
	}

}
