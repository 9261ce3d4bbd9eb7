package org.misinfodesk.report.evidence;

/**
 * A file as the citizen sent it; its name is shown back in messages only, never trusted.
 *
 * @param tooLarge set when reading stopped at the limit, so that {@code bytes} is not the whole file
 */
public record Upload(String filename, byte[] bytes, boolean tooLarge) {

	@Override
	public String toString() {
		return "Upload[" + this.bytes.length + " bytes]";
	}

}
