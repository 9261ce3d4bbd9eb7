package org.misinfodesk.report.privacy;

import tools.jackson.databind.json.JsonMapper;

/**
 * Contact protection as the service sets it up, for tests that run without Spring.
 */
public final class ContactProtections {

	/** The local profile's key. */
	public static final String DEVELOPMENT_KEY = "YwNVFYusr7lSvIRkuyfH2GrkNT6uOcY+yUEPyDFqQ9E=";

	private ContactProtections() {
	}

	public static ContactProtection withKey(String base64Key) {
		return new ContactProtection(new PrivacySettings(base64Key), JsonMapper.builder().build());
	}

	public static ContactProtection withTheDevelopmentKey() {
		return withKey(DEVELOPMENT_KEY);
	}

}
