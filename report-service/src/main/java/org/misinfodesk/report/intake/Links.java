package org.misinfodesk.report.intake;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Normalises a link so that reports of the same post match, and so that click identifiers (which
 * can point back at the person who shared it) do not travel on: drops the fragment, {@code utm_*}
 * parameters and the platforms' click ids. The original is kept beside it, in report-service only.
 */
final class Links {

	private static final Set<String> CLICK_IDS = Set.of("fbclid", "gclid", "dclid", "msclkid", "igshid", "mibextid",
			"zarsrc", "ttclid");

	private static final Pattern AMPERSAND = Pattern.compile("&");

	private Links() {
	}

	/** @param url an absolute http(s) URL in ASCII form */
	static String normalise(String url) {
		String withoutFragment = url.contains("#") ? url.substring(0, url.indexOf('#')) : url;
		int query = withoutFragment.indexOf('?');
		if (query < 0) {
			return withoutFragment;
		}
		String kept = AMPERSAND.splitAsStream(withoutFragment.substring(query + 1))
			.filter((parameter) -> !parameter.isEmpty() && !isTracking(parameter))
			.collect(Collectors.joining("&"));
		String base = withoutFragment.substring(0, query);
		return kept.isEmpty() ? base : base + "?" + kept;
	}

	private static boolean isTracking(String parameter) {
		String name = parameter.split("=", 2)[0].toLowerCase(Locale.ROOT);
		return name.startsWith("utm_") || CLICK_IDS.contains(name);
	}

}
