package org.misinfodesk.platform.security;

import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Refuses to start outside the local profile while any account still has one of the local
 * profile's published passwords.
 */
public class WellKnownPasswordGuard implements InitializingBean {

	static final Set<String> WELL_KNOWN = Set.of("analyst", "supervisor", "admin");

	private final SecuritySettings settings;

	private final PasswordEncoder encoder;

	private final Environment environment;

	public WellKnownPasswordGuard(SecuritySettings settings, PasswordEncoder encoder, Environment environment) {
		this.settings = settings;
		this.encoder = encoder;
		this.environment = environment;
	}

	@Override
	public void afterPropertiesSet() {
		if (this.environment.acceptsProfiles(Profiles.of("local"))) {
			return;
		}
		List<String> offenders = this.settings.users()
			.stream()
			.filter((user) -> WELL_KNOWN.stream().anyMatch((known) -> this.encoder.matches(known, user.password())))
			.map(SecuritySettings.User::username)
			.toList();
		if (!offenders.isEmpty()) {
			throw new IllegalStateException("Refusing to start outside the local profile: accounts " + offenders
					+ " use a well-known local password; set misinfodesk.security.users from the environment");
		}
	}

}
