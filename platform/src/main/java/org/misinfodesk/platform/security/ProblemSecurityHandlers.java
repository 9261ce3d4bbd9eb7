package org.misinfodesk.platform.security;

import org.misinfodesk.platform.problem.ProblemException;
import org.misinfodesk.platform.problem.ProblemWebExceptionHandler;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;

/**
 * Answers {@code 401} and {@code 403} on the API as problem+json, like every other error.
 */
public class ProblemSecurityHandlers implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

	private final ProblemWebExceptionHandler problems;

	public ProblemSecurityHandlers(ProblemWebExceptionHandler problems) {
		this.problems = problems;
	}

	@Override
	public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException ex) {
		exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"misinfodesk\"");
		return this.problems.handle(exchange, ProblemException.of(HttpStatus.UNAUTHORIZED, "unauthorized"));
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
		return this.problems.handle(exchange, ProblemException.of(HttpStatus.FORBIDDEN, "forbidden"));
	}

}
