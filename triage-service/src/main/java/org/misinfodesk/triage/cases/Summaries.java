package org.misinfodesk.triage.cases;

/**
 * The one line an analyst reads in the queue: the start of the report, cut at a word boundary.
 */
public final class Summaries {

	public static final int LENGTH = 160;

	private static final String ELLIPSIS = "…";

	private Summaries() {
	}

	public static String of(String content) {
		return of(content, LENGTH);
	}

	/** At most {@code length} characters of {@code content} plus an ellipsis when it was cut. */
	static String of(String content, int length) {
		String text = (content == null) ? "" : content.strip().replaceAll("\\s+", " ");
		if (text.length() <= length) {
			return text;
		}
		int cut = text.lastIndexOf(' ', length);
		if (cut <= 0) {
			// One word longer than the summary: cut inside it, but never between a surrogate pair.
			cut = Character.isLowSurrogate(text.charAt(length)) ? length - 1 : length;
		}
		return text.substring(0, cut).stripTrailing() + ELLIPSIS;
	}

}
