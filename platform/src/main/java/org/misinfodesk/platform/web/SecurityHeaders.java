package org.misinfodesk.platform.web;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * OWASP's baseline response headers on every page and API answer, whether or not the service has a
 * login: scripts only from the service itself (no inline script), no framing, no MIME sniffing, no
 * referrer leaking tracking codes or acknowledgement tokens to other sites.
 */
public class SecurityHeaders implements WebFilter, Ordered {

	public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
			+ "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; "
			+ "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		exchange.getResponse().beforeCommit(() -> {
			HttpHeaders headers = exchange.getResponse().getHeaders();
			setIfAbsent(headers, "Content-Security-Policy", CONTENT_SECURITY_POLICY);
			setIfAbsent(headers, "X-Content-Type-Options", "nosniff");
			setIfAbsent(headers, "X-Frame-Options", "DENY");
			setIfAbsent(headers, "Referrer-Policy", "no-referrer");
			setIfAbsent(headers, "Permissions-Policy", "camera=(), microphone=(), geolocation=()");
			return Mono.empty();
		});
		return chain.filter(exchange);
	}

	private static void setIfAbsent(HttpHeaders headers, String name, String value) {
		if (!headers.containsHeader(name)) {
			headers.set(name, value);
		}
	}

}
