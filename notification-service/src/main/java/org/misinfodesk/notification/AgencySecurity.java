package org.misinfodesk.notification;

import java.util.List;

import org.misinfodesk.notification.agency.ManagingApiKeys;
import org.misinfodesk.platform.problem.ProblemException;
import org.misinfodesk.platform.problem.ProblemWebExceptionHandler;
import org.misinfodesk.platform.security.ProblemSecurityHandlers;
import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.security.web.server.authentication.ServerAuthenticationEntryPointFailureHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/**
 * The agencies' own systems call {@code /api/v1/agency/**} with {@code Authorization: Bearer mdk_...},
 * a key an administrator created for the agency; the key is the only credential accepted there (staff
 * accounts are not agencies), and it names the agency, so a system sees only its agency's cases. This
 * chain comes before the staff chains, which stay as they are. The authentication manager is built
 * here rather than declared as a bean, so it does not replace the staff accounts' one.
 */
@Configuration(proxyBeanMethods = false)
class AgencySecurity {

	static final String AGENCY = "AGENCY";

	private static final String BEARER = "Bearer ";

	@Bean
	@Order(0)
	SecurityWebFilterChain agencyApi(ServerHttpSecurity http, ManagingApiKeys keys,
			ProblemWebExceptionHandler problems, ProblemSecurityHandlers staffProblems) {
		ServerAuthenticationEntryPoint refused = (exchange, ex) -> {
			exchange.getResponse()
				.getHeaders()
				.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"misinfodesk-agency\"");
			return problems.handle(exchange, ProblemException.of(HttpStatus.UNAUTHORIZED, "invalid-api-key"));
		};
		AuthenticationWebFilter byKey = new AuthenticationWebFilter(manager(keys));
		byKey.setServerAuthenticationConverter(bearerKey());
		byKey.setAuthenticationFailureHandler(new ServerAuthenticationEntryPointFailureHandler(refused));
		byKey.setSecurityContextRepository(NoOpServerSecurityContextRepository.getInstance());
		return http.securityMatcher(ServerWebExchangeMatchers.pathMatchers("/api/v1/agency", "/api/v1/agency/**"))
			.authorizeExchange((exchanges) -> exchanges.anyExchange().hasRole(AGENCY))
			.addFilterAt(byKey, SecurityWebFiltersOrder.AUTHENTICATION)
			.exceptionHandling((handling) -> handling.authenticationEntryPoint(refused).accessDeniedHandler(staffProblems))
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.requestCache((cache) -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			.build();
	}

	/** The key of a {@code Bearer} authorization; any other scheme is no key at all. */
	private static ServerAuthenticationConverter bearerKey() {
		return (exchange) -> {
			String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
			if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
				return Mono.empty();
			}
			String key = authorization.substring(BEARER.length()).strip();
			return Mono.just(new PreAuthenticatedAuthenticationToken(key, key));
		};
	}

	/** The principal of an accepted key is its agency's id. */
	private static ReactiveAuthenticationManager manager(ManagingApiKeys keys) {
		return (authentication) -> keys.agencyOf((String) authentication.getCredentials())
			.switchIfEmpty(Mono.error(() -> new BadCredentialsException("Unknown or revoked API key")))
			.map((agencyId) -> new PreAuthenticatedAuthenticationToken(agencyId, null,
					List.of(new SimpleGrantedAuthority("ROLE_" + AGENCY))));
	}

}
