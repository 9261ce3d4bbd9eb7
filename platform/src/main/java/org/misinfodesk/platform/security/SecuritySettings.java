package org.misinfodesk.platform.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Staff accounts. Passwords are stored in Spring Security's {@code {id}encoded} form
 * ({@code {bcrypt}...}, or {@code {noop}...} in the local profile only).
 */
@ConfigurationProperties("misinfodesk.security")
public record SecuritySettings(@DefaultValue List<User> users) {

	public record User(String username, String password, List<String> roles) {
	}

}
