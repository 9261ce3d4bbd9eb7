package org.misinfodesk.notification.agency;

import java.util.List;
import java.util.Locale;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * An agency that verifies and resolves the cases routed to it, with the addresses its alerts go to.
 *
 * @param id the id shared by every service ({@code so-y-te})
 * @param emails the email contact points; each receives every alert
 * @param language the language of its emails: {@code vi} (the default) or {@code en}
 */
public record Agency(String id, String name, @DefaultValue List<String> emails, @DefaultValue("vi") String language) {

	public Agency {
		emails = List.copyOf(emails);
	}

	public Locale locale() {
		return Locale.forLanguageTag(this.language);
	}

}
