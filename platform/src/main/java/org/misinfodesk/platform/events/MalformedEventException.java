package org.misinfodesk.platform.events;

/**
 * A record that no retry can fix: it goes straight to the dead-letter topic.
 */
public class MalformedEventException extends RuntimeException {

	public MalformedEventException(String message) {
		super(message);
	}

	public MalformedEventException(String message, Throwable cause) {
		super(message, cause);
	}

}
