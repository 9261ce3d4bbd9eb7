package org.misinfodesk.triage.clustering;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A source address reduced to what names the content: scheme, {@code www.}/{@code m.}, fragment,
 * trailing slash and tracking parameters (utm_*, fbclid, …) dropped, the other parameters sorted.
 * Two reports of the same post shared from different apps get the same key.
 */
public final class SourceUrls {

	private static final Set<String> TRACKING = Set.of("fbclid", "gclid", "dclid", "msclkid", "igshid", "igsh", "si",
			"mibextid", "ref", "ref_src", "ref_url", "__tn__", "_rdr", "rdid", "share_url", "feature", "spm",
			"s_cid", "mc_cid", "mc_eid", "zarsrc", "__cft__[0]", "sfnsn", "_t", "is_from_webapp", "sender_device",
			"share_app_id", "tt_from", "utm");

	private SourceUrls() {
	}

	/** The key of a source address, or {@code null} when it is no web address. */
	public static String normalise(String url) {
		if (url == null || url.isBlank()) {
			return null;
		}
		URI uri;
		try {
			uri = new URI(url.strip());
		}
		catch (URISyntaxException ex) {
			return null;
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
			return null;
		}
		String host = uri.getHost().toLowerCase(Locale.ROOT);
		for (String prefix : List.of("www.", "m.", "mobile.")) {
			if (host.startsWith(prefix)) {
				host = host.substring(prefix.length());
			}
		}
		String path = (uri.getRawPath() != null) ? uri.getRawPath() : "";
		while (path.endsWith("/")) {
			path = path.substring(0, path.length() - 1);
		}
		List<String> kept = new ArrayList<>();
		if (uri.getRawQuery() != null) {
			for (String parameter : uri.getRawQuery().split("&")) {
				if (parameter.isEmpty()) {
					continue;
				}
				String name = parameter.split("=", 2)[0].toLowerCase(Locale.ROOT);
				if (!name.startsWith("utm_") && !TRACKING.contains(name)) {
					kept.add(parameter);
				}
			}
		}
		kept.sort(null);
		return host + path + (kept.isEmpty() ? "" : "?" + String.join("&", kept));
	}

}
