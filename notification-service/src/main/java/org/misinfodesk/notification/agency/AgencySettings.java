package org.misinfodesk.notification.agency;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The agencies this deployment alerts ({@code misinfodesk.agencies}), with the same ids as in
 * triage-service's configuration.
 */
@ConfigurationProperties("misinfodesk")
record AgencySettings(@DefaultValue List<Agency> agencies) {

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	AgencySettings {
		Set<String> ids = new HashSet<>();
		for (Agency agency : agencies) {
			if (agency.id() == null || agency.id().isBlank() || agency.name() == null || agency.name().isBlank()) {
				throw new IllegalArgumentException("Every agency needs an id and a name: " + agency);
			}
			for (String email : agency.emails()) {
				if (!EMAIL.matcher(email).matches()) {
					throw new IllegalArgumentException("Agency " + agency.id() + " has a malformed email " + email);
				}
			}
			if (!agency.language().equals("vi") && !agency.language().equals("en")) {
				throw new IllegalArgumentException("Agency " + agency.id() + " has language " + agency.language()
						+ "; emails are written in vi or en");
			}
			if (!ids.add(agency.id())) {
				throw new IllegalArgumentException("Agency " + agency.id() + " is configured twice");
			}
		}
		agencies = List.copyOf(agencies);
	}

}
