package org.misinfodesk.platform.security;

import java.util.List;

import org.misinfodesk.platform.kafka.DeadLetterBox;
import org.misinfodesk.platform.kafka.DeadLetterRoutes;
import org.misinfodesk.platform.kafka.KafkaSettings;
import org.misinfodesk.platform.problem.ProblemException;
import org.misinfodesk.platform.problem.ProblemWebExceptionHandler;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.WebFilterChainProxy;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;
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

	/**
	 * Checks passwords stored as configured ({@code {bcrypt}...}, or {@code {noop}...} locally) and
	 * never asks to re-encode them: Spring Security would otherwise bcrypt-encode a {@code {noop}}
	 * password at every HTTP Basic request (about 100 ms of CPU each here, which made the analysts'
	 * API the slowest part of the system). How a password is stored is the operator's choice.
	 */
	@Bean
	@ConditionalOnMissingBean
	PasswordEncoder passwordEncoder() {
		PasswordEncoder configured = PasswordEncoderFactories.createDelegatingPasswordEncoder();
		return new PasswordEncoder() {

			@Override
			public String encode(CharSequence rawPassword) {
				return configured.encode(rawPassword);
			}

			@Override
			public boolean matches(CharSequence rawPassword, String encodedPassword) {
				return configured.matches(rawPassword, encodedPassword);
			}

			@Override
			public boolean upgradeEncoding(String encodedPassword) {
				return false;
			}

		};
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

	/**
	 * The firewall refuses suspicious requests (encoded slashes, {@code ..}, control characters) before
	 * any controller runs; those refusals are problem+json too.
	 */
	@Bean
	static BeanPostProcessor firewallRefusalsAsProblems(ObjectProvider<ProblemWebExceptionHandler> problems) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof WebFilterChainProxy proxy) {
					proxy.setExchangeRejectedHandler((exchange, refused) -> problems.getObject()
						.handle(exchange, ProblemException.of(HttpStatus.BAD_REQUEST, "refused-request")));
				}
				return bean;
			}
		};
	}

	@Bean
	DeadLetterBox deadLetterBox(ConsumerFactory<String, String> consumers, KafkaTemplate<String, String> kafka,
			KafkaSettings settings) {
		return new DeadLetterBox(consumers, kafka, settings);
	}

	@Bean
	RouterFunction<ServerResponse> deadLetterRoutes(DeadLetterBox box) {
		return DeadLetterRoutes.of(box);
	}

	/** Dead letters are for administrators only, in every service, before any chain of the service's own. */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	SecurityWebFilterChain deadLetterAdministration(ServerHttpSecurity http, ProblemSecurityHandlers handlers) {
		return http.securityMatcher(ServerWebExchangeMatchers.pathMatchers(DeadLetterRoutes.PATH, DeadLetterRoutes.PATH + "/**"))
			.authorizeExchange((exchanges) -> exchanges.anyExchange().hasRole("ADMIN"))
			.httpBasic((basic) -> basic.authenticationEntryPoint(handlers))
			.exceptionHandling((errors) -> errors.authenticationEntryPoint(handlers).accessDeniedHandler(handlers))
			.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.build();
	}

}
