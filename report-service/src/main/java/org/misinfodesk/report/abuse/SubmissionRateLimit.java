package org.misinfodesk.report.abuse;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.misinfodesk.report.intake.IntakeMetrics;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Lets each client address send at most so many reports per period (a fixed window per address,
 * kept in memory: one instance's view, enough against one flooding address). Refuses the
 * rest with {@code 429} and {@code Retry-After}, before the body is read.
 */
@Component
class SubmissionRateLimit implements WebFilter, Ordered {

	private final AbuseSettings settings;

	private final Clock clock;

	private final Map<String, Window> windows = new ConcurrentHashMap<>();

	private final IntakeMetrics metrics;

	SubmissionRateLimit(AbuseSettings settings, Clock clock, IntakeMetrics metrics) {
		this.settings = settings;
		this.clock = clock;
		this.metrics = metrics;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 10;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (!isSubmission(exchange)) {
			return chain.filter(exchange);
		}
		Optional<Duration> wait = take(client(exchange));
		if (wait.isPresent()) {
			this.metrics.refused("too-many-requests");
			return Mono.error(new TooManyRequests(wait.get()));
		}
		return chain.filter(exchange);
	}

	/** @return how long to wait when the client has used its share, else empty (and one is used) */
	Optional<Duration> take(String client) {
		Instant now = this.clock.instant();
		if (this.windows.size() > 10_000) {
			this.windows.values().removeIf((window) -> window.endsBefore(now));
		}
		Window window = this.windows.compute(client,
				(key, current) -> (current == null || current.endsBefore(now)) ? new Window(now.plus(this.settings.period()), 1)
						: new Window(current.end(), current.used() + 1));
		if (window.used() > this.settings.submissionsPerClient()) {
			return Optional.of(Duration.between(now, window.end()));
		}
		return Optional.empty();
	}

	private static boolean isSubmission(ServerWebExchange exchange) {
		String path = exchange.getRequest().getPath().pathWithinApplication().value();
		return HttpMethod.POST.equals(exchange.getRequest().getMethod())
				&& (path.equals("/api/v1/reports") || path.equals("/reports"));
	}

	private String client(ServerWebExchange exchange) {
		InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
		String address = (remote == null || remote.getAddress() == null) ? "unknown"
				: remote.getAddress().getHostAddress();
		if (this.settings.trustedProxies().contains(address)) {
			String forwarded = exchange.getRequest().getHeaders().getFirst("X-Forwarded-For");
			if (forwarded != null && !forwarded.isBlank()) {
				String[] hops = forwarded.split(",");
				return hops[hops.length - 1].strip();
			}
		}
		return address;
	}

	private record Window(Instant end, int used) {

		boolean endsBefore(Instant now) {
			return !this.end.isAfter(now);
		}

	}

}
