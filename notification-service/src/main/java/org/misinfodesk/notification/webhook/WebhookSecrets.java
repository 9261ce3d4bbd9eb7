package org.misinfodesk.notification.webhook;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * New endpoint secrets and ids, from a strong random source.
 */
final class WebhookSecrets {

	/** 192 bits, within the 24 to 64 bytes Standard Webhooks asks for. */
	static final int SECRET_BYTES = 24;

	private static final SecureRandom random = new SecureRandom();

	private WebhookSecrets() {
	}

	static String newSecret() {
		return WebhookSignature.SECRET_PREFIX + Base64.getEncoder().encodeToString(bytes(SECRET_BYTES));
	}

	static String newEndpointId() {
		return "ep_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(12));
	}

	private static byte[] bytes(int count) {
		byte[] bytes = new byte[count];
		random.nextBytes(bytes);
		return bytes;
	}

}
