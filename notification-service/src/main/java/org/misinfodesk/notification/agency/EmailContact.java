package org.misinfodesk.notification.agency;

import java.time.Instant;
import java.util.Locale;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An email address that receives an agency's alerts and reminders.
 *
 * @param id {@code null} for a configured contact point, which is not stored
 * @param key {@code <agencyId>/<email in lower case>}, unique, so one address is added to one
 * agency once
 * @param createdAt when an administrator added it; {@code null} for a configured one
 */
@Document(EmailContacts.COLLECTION)
public record EmailContact(@Id String id, String agencyId, String email, String key, ContactSource source,
		ContactState state, Instant createdAt) {

	static EmailContact configured(String agencyId, String email) {
		return new EmailContact(null, agencyId, email, keyOf(agencyId, email), ContactSource.CONFIGURED,
				ContactState.ENABLED, null);
	}

	static EmailContact added(String id, String agencyId, String email, Instant now) {
		return new EmailContact(id, agencyId, email, keyOf(agencyId, email), ContactSource.MANAGED,
				ContactState.ENABLED, now);
	}

	static String keyOf(String agencyId, String email) {
		return agencyId + "/" + email.toLowerCase(Locale.ROOT);
	}

	public boolean enabled() {
		return this.state == ContactState.ENABLED;
	}

	public boolean managed() {
		return this.source == ContactSource.MANAGED;
	}

}
