package org.misinfodesk.notification;

import org.misinfodesk.platform.security.ProblemSecurityHandlers;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.csrf.CsrfWebFilter;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.AndServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.NegatedServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.OrServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/**
 * Staff use the API with HTTP Basic; agencies reach their acknowledgement pages with the token in
 * the link, which is the credential there, so those pages need no login and no CSRF token.
 */
@Configuration(proxyBeanMethods = false)
class StaffSecurity {

	static final String ADMIN = "ADMIN";

	static final String SUPERVISOR = "SUPERVISOR";

	@Bean
	SecurityWebFilterChain staffApi(ServerHttpSecurity http, ProblemSecurityHandlers problems) {
		return http
			.authorizeExchange((exchanges) -> exchanges
				.pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus")
				.permitAll()
				.pathMatchers("/acknowledgements/**", "/api/v1/acknowledgements/**")
				.permitAll()
				.pathMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**",
						"/webjars/swagger-ui/**")
				.permitAll()
				.pathMatchers(HttpMethod.GET, "/api/v1/agencies", "/api/v1/deliveries")
				.hasAnyRole(ADMIN, SUPERVISOR)
				.pathMatchers("/api/v1/agencies/*/webhooks", "/api/v1/agencies/*/webhooks/**",
						"/api/v1/deliveries/*/replay", "/admin", "/admin/**")
				.hasRole(ADMIN)
				.anyExchange()
				.authenticated())
			.httpBasic((basic) -> basic.authenticationEntryPoint(problems))
			.exceptionHandling((handling) -> handling.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.csrf((csrf) -> csrf.requireCsrfProtectionMatcher(formsOtherThanAcknowledgements()))
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.requestCache((cache) -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			// The acknowledgement link carries its token: it must not leak to other sites.
			.headers((headers) -> headers.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
			.build();
	}

	private static ServerWebExchangeMatcher formsOtherThanAcknowledgements() {
		ServerWebExchangeMatcher exempt = new OrServerWebExchangeMatcher(
				ServerWebExchangeMatchers.pathMatchers("/api/**"),
				ServerWebExchangeMatchers.pathMatchers("/acknowledgements/**"));
		return new AndServerWebExchangeMatcher(CsrfWebFilter.DEFAULT_CSRF_MATCHER,
				new NegatedServerWebExchangeMatcher(exempt));
	}

}
