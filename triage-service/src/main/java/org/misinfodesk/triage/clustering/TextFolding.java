package org.misinfodesk.triage.clustering;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Vietnamese text as the comparison sees it: without tones and other diacritics (đ becomes d),
 * lower case, punctuation dropped, split into syllables. Reporters type with and without
 * diacritics; the same rumour must read the same either way.
 */
public final class TextFolding {

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

	private TextFolding() {
	}

	public static String fold(String text) {
		if (text == null) {
			return "";
		}
		String decomposed = Normalizer.normalize(text.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD);
		String bare = MARKS.matcher(decomposed).replaceAll("");
		return NOT_WORD.matcher(bare.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
	}

	public static List<String> words(String text) {
		String folded = fold(text);
		return folded.isEmpty() ? List.of() : Arrays.asList(folded.split(" "));
	}

}
