package org.misinfodesk.platform.security;

import java.util.List;

import org.misinfodesk.platform.problem.ProblemWebExceptionHandler;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Staff accounts for the services that have staff (triage, notification); the services declare
 * their own filter chains and use {@link ProblemSecurityHandlers} in them.
 */
@AutoConfiguration(afterName = "org.misinfodesk.platform.PlatformAutoConfiguration",
		beforeName = "org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration")
@ConditionalOnClass(ServerHttpSecurity.class)
@EnableConfigurationProperties(SecuritySettings.class)
public class PlatformSecurityAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	WellKnownPasswordGuard wellKnownPasswordGuard(SecuritySettings settings, PasswordEncoder encoder,
			Environment environment) {
		return new WellKnownPasswordGuard(settings, encoder, environment);
	}

	@Bean
	MapReactiveUserDetailsService staffAccounts(SecuritySettings settings) {
		List<UserDetails> users = settings.users()
			.stream()
			.map((user) -> User.withUsername(user.username())
				.password(user.password())
				.roles(user.roles().toArray(String[]::new))
				.build())
			.toList();
		if (users.isEmpty()) {
			throw new IllegalStateException("No staff accounts: set misinfodesk.security.users");
		}
		return new MapReactiveUserDetailsService(users);
	}

	@Bean
	ProblemSecurityHandlers problemSecurityHandlers(ProblemWebExceptionHandler problems) {
		return new ProblemSecurityHandlers(problems);
	}

}
