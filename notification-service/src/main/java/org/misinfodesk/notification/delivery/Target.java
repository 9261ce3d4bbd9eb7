package org.misinfodesk.notification.delivery;

import java.util.Locale;

/**
 * Where one delivery goes: an email address, or a webhook endpoint and its URL.
 */
public record Target(String email, String endpointId, String url) {

	static Target email(String address) {
		return new Target(address, null, null);
	}

	static Target webhook(String endpointId, String url) {
		return new Target(null, endpointId, url);
	}

	String key() {
		return this.email != null ? this.email.toLowerCase(Locale.ROOT) : this.endpointId;
	}

}
