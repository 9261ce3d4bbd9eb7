package org.misinfodesk.triage.security;

import java.net.URI;

import org.misinfodesk.platform.security.ProblemSecurityHandlers;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.logout.RedirectServerLogoutSuccessHandler;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/**
 * Two filter chains. The API (and actuator) chain comes first: HTTP Basic, no CSRF (its clients
 * send credentials, not cookies), answers 401/403 as problem+json, and never creates a session; a
 * browser's login session is honoured there for reads only, so that the queue page can open the live
 * stream while a forged cross-site request still cannot change anything. The page chain takes the
 * rest: form login at {@code /login}, CSRF tokens on every form.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	static final String ANALYST = "ANALYST";

	static final String SUPERVISOR = "SUPERVISOR";

	static final String ADMIN = "ADMIN";

	@Bean
	@Order(1)
	SecurityWebFilterChain apiSecurity(ServerHttpSecurity http, ProblemSecurityHandlers problems) {
		return http.securityMatcher(ServerWebExchangeMatchers.pathMatchers("/api/**", "/actuator/**"))
			.authorizeExchange((exchanges) -> exchanges
				.pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus", "/actuator/info")
				.permitAll()
				.pathMatchers("/actuator/**")
				.hasRole(ADMIN)
				.pathMatchers(HttpMethod.GET, "/api/v1/cases", "/api/v1/cases/**", "/api/v1/dashboard")
				.hasAnyRole(ANALYST, SUPERVISOR)
				// Reference data without any case in it: administrators wiring agencies' endpoints need the ids.
				.pathMatchers(HttpMethod.GET, "/api/v1/agencies")
				.hasAnyRole(ANALYST, SUPERVISOR, ADMIN)
				.pathMatchers(HttpMethod.POST, "/api/v1/cases/*/claim", "/api/v1/cases/*/release",
						"/api/v1/cases/*/decision", "/api/v1/cases/*/reroute", "/api/v1/cases/*/merge",
						"/api/v1/cases/*/split")
				.hasRole(ANALYST)
				.anyExchange()
				.authenticated())
			.httpBasic((basic) -> basic.authenticationEntryPoint(problems))
			.exceptionHandling((handling) -> handling.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.securityContextRepository(new SessionForSafeMethods())
			.requestCache((cache) -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.build();
	}

	@Bean
	@Order(2)
	SecurityWebFilterChain pageSecurity(ServerHttpSecurity http) {
		return http
			.authorizeExchange((exchanges) -> exchanges
				.pathMatchers("/login", "/css/**", "/js/**", "/favicon.ico", "/v3/api-docs", "/v3/api-docs/**",
						"/swagger-ui.html", "/swagger-ui/**", "/webjars/**")
				.permitAll()
				.pathMatchers(HttpMethod.POST, "/cases/*/claim", "/cases/*/release", "/cases/*/decision")
				.hasRole(ANALYST)
				.pathMatchers(HttpMethod.GET, "/", "/cases/*", "/dashboard")
				.hasAnyRole(ANALYST, SUPERVISOR)
				.anyExchange()
				.authenticated())
			.formLogin((login) -> login.loginPage("/login")
				.authenticationFailureHandler(new RedirectServerAuthenticationFailureHandler("/login?error")))
			.logout((logout) -> logout.logoutUrl("/logout").logoutSuccessHandler(loggedOut()))
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.build();
	}

	private static RedirectServerLogoutSuccessHandler loggedOut() {
		RedirectServerLogoutSuccessHandler handler = new RedirectServerLogoutSuccessHandler();
		handler.setLogoutSuccessUrl(URI.create("/login?logout"));
		return handler;
	}

}
