package org.misinfodesk.report.privacy;

import java.util.Base64;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How reporters' contact details are protected at rest.
 *
 * @param contactKey base64 of an AES key of 16, 24 or 32 bytes; from the environment outside the
 * local profile ({@code MISINFODESK_PRIVACY_CONTACT_KEY})
 */
@ConfigurationProperties("misinfodesk.privacy")
public record PrivacySettings(String contactKey) {

	public PrivacySettings {
		if (contactKey == null || contactKey.isBlank()) {
			throw new IllegalArgumentException(
					"misinfodesk.privacy.contact-key is required: base64 of a 16, 24 or 32 byte AES key");
		}
		int length = decode(contactKey).length;
		if (length != 16 && length != 24 && length != 32) {
			throw new IllegalArgumentException(
					"misinfodesk.privacy.contact-key must decode to 16, 24 or 32 bytes, not " + length);
		}
	}

	byte[] keyBytes() {
		return decode(this.contactKey);
	}

	private static byte[] decode(String key) {
		try {
			return Base64.getDecoder().decode(key.trim());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("misinfodesk.privacy.contact-key is not valid base64", ex);
		}
	}

	@Override
	public String toString() {
		return "PrivacySettings[contactKey=(hidden)]";
	}

}
