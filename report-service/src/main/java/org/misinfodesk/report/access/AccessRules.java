package org.misinfodesk.report.access;

import org.misinfodesk.platform.problem.ProblemException;
import org.misinfodesk.platform.problem.ProblemWebExceptionHandler;
import org.misinfodesk.platform.security.ProblemSecurityHandlers;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.CsrfWebFilter;
import org.springframework.security.web.server.csrf.XorServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.util.matcher.AndServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.NegatedServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/**
 * Citizens never log in: the form, the status pages and the public API stay open. Evidence files
 * are for analysts and supervisors over HTTP Basic; actuator endpoints other than health and
 * metrics for administrators. The HTML forms carry Spring Security's CSRF token (a cookie and a
 * hidden field, so that no server session is needed for an anonymous citizen); the JSON API takes
 * none, since browsers cannot send JSON or multipart with custom headers cross-site without CORS,
 * and it has no cookies to ride on.
 */
@Configuration(proxyBeanMethods = false)
class AccessRules {

	static final String[] STAFF = { "ANALYST", "SUPERVISOR" };

	@Bean
	SecurityWebFilterChain citizenAndStaffAccess(ServerHttpSecurity http, ProblemSecurityHandlers handlers,
			ProblemWebExceptionHandler problems) {
		XorServerCsrfTokenRequestAttributeHandler tokens = new XorServerCsrfTokenRequestAttributeHandler();
		// The citizen form is multipart (it carries files): read the token from there too.
		tokens.setTokenFromMultipartDataEnabled(true);
		ServerWebExchangeMatcher formsOnly = new AndServerWebExchangeMatcher(CsrfWebFilter.DEFAULT_CSRF_MATCHER,
				new NegatedServerWebExchangeMatcher(ServerWebExchangeMatchers.pathMatchers("/api/**")));
		return http
			.authorizeExchange((exchanges) -> exchanges.pathMatchers("/api/v1/evidence/**")
				.hasAnyRole(STAFF)
				.pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus")
				.permitAll()
				.pathMatchers("/actuator/**")
				.hasRole("ADMIN")
				.anyExchange()
				.permitAll())
			.httpBasic((basic) -> basic.authenticationEntryPoint(handlers))
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(handlers).accessDeniedHandler(handlers))
			.csrf((csrf) -> csrf.csrfTokenRepository(new CookieServerCsrfTokenRepository())
				.csrfTokenRequestHandler(tokens)
				.requireCsrfProtectionMatcher(formsOnly)
				.accessDeniedHandler((exchange, denied) -> problems.handle(exchange,
						ProblemException.of(HttpStatus.FORBIDDEN, "form-expired"))))
			.build();
	}

}
