package org.misinfodesk.notification;

import java.net.URI;

import org.misinfodesk.platform.security.ProblemSecurityHandlers;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.authentication.logout.RedirectServerLogoutSuccessHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.csrf.CsrfWebFilter;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.AndServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.NegatedServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/**
 * Two filter chains for staff, as in triage-service, after the agencies' own ({@link AgencySecurity}). The API (and actuator) chain comes first: HTTP Basic,
 * no CSRF (its clients send credentials, not cookies), 401 and 403 as problem+json, never a
 * session. The page chain takes the rest: the administrators' page behind a form login at
 * {@code /login} with CSRF tokens on its forms; agencies reach their acknowledgement pages with
 * the token in the link, which is the credential there, so those pages need no login and no CSRF
 * token.
 */
@Configuration(proxyBeanMethods = false)
class StaffSecurity {

	static final String ADMIN = "ADMIN";

	static final String SUPERVISOR = "SUPERVISOR";

	@Bean
	@Order(1)
	SecurityWebFilterChain staffApi(ServerHttpSecurity http, ProblemSecurityHandlers problems) {
		return http.securityMatcher(ServerWebExchangeMatchers.pathMatchers("/api/**", "/actuator/**"))
			.authorizeExchange((exchanges) -> exchanges
				.pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus")
				.permitAll()
				.pathMatchers("/actuator/**")
				.hasRole(ADMIN)
				.pathMatchers("/api/v1/acknowledgements/**")
				.permitAll()
				.pathMatchers(HttpMethod.GET, "/api/v1/agencies", "/api/v1/deliveries")
				.hasAnyRole(ADMIN, SUPERVISOR)
				.pathMatchers("/api/v1/agencies/*/webhooks", "/api/v1/agencies/*/webhooks/**",
						"/api/v1/agencies/*/emails", "/api/v1/agencies/*/emails/**", "/api/v1/agencies/*/api-keys",
						"/api/v1/agencies/*/api-keys/**", "/api/v1/deliveries/*/replay")
				.hasRole(ADMIN)
				.anyExchange()
				.authenticated())
			.httpBasic((basic) -> basic.authenticationEntryPoint(problems))
			.exceptionHandling((handling) -> handling.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.requestCache((cache) -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			.build();
	}

	@Bean
	@Order(2)
	SecurityWebFilterChain pages(ServerHttpSecurity http, ProblemSecurityHandlers problems) {
		return http
			.authorizeExchange((exchanges) -> exchanges
				.pathMatchers("/login", "/css/**", "/js/**", "/favicon.ico", "/acknowledgements/**")
				.permitAll()
				.pathMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**",
						"/webjars/swagger-ui/**")
				.permitAll()
				.pathMatchers("/admin", "/admin/**")
				.hasRole(ADMIN)
				.anyExchange()
				.authenticated())
			.formLogin((login) -> login.loginPage("/login")
				.authenticationSuccessHandler(new RedirectServerAuthenticationSuccessHandler("/admin"))
				.authenticationFailureHandler(new RedirectServerAuthenticationFailureHandler("/login?error")))
			.logout((logout) -> logout.logoutUrl("/logout").logoutSuccessHandler(loggedOut()))
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			// A logged-in supervisor on the administrators' page gets a 403 problem, not a login loop.
			.exceptionHandling((handling) -> handling.accessDeniedHandler(problems))
			.csrf((csrf) -> csrf.requireCsrfProtectionMatcher(formsOtherThanAcknowledgements()))
			.requestCache((cache) -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			// The acknowledgement link carries its token: it must not leak to other sites.
			.headers((headers) -> headers.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
			.build();
	}

	private static ServerWebExchangeMatcher formsOtherThanAcknowledgements() {
		return new AndServerWebExchangeMatcher(CsrfWebFilter.DEFAULT_CSRF_MATCHER,
				new NegatedServerWebExchangeMatcher(ServerWebExchangeMatchers.pathMatchers("/acknowledgements/**")));
	}

	private static RedirectServerLogoutSuccessHandler loggedOut() {
		RedirectServerLogoutSuccessHandler handler = new RedirectServerLogoutSuccessHandler();
		handler.setLogoutSuccessUrl(URI.create("/login?logout"));
		return handler;
	}

}
