package org.misinfodesk.notification.delivery;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import io.netty.channel.ChannelOption;
import org.misinfodesk.notification.webhook.WebhookEndpoint;
import org.misinfodesk.notification.webhook.WebhookEndpoints;
import org.misinfodesk.notification.webhook.WebhookSettings;
import org.misinfodesk.notification.webhook.WebhookSignature;
import org.misinfodesk.notification.webhook.WebhookTargets;
import org.misinfodesk.platform.events.CloudEventHeaders;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * One attempt at a webhook delivery: a signed {@code POST} of the stored body to the address the
 * target policy has just checked. Any {@code 2xx} is success; every other status, a redirect
 * included (none is followed), a timeout or a connection error is a failure; {@code 429} and
 * {@code 503} may say when to try again.
 */
@Component
class WebhookSending {

	static final String USER_AGENT = "MisinfoDesk-Webhooks/1";

	private final WebhookEndpoints endpoints;

	private final WebhookTargets targets;

	private final Clock clock;

	private final HttpClient http;

	private final Duration deadline;

	WebhookSending(WebhookEndpoints endpoints, WebhookTargets targets, Clock clock, WebhookSettings settings) {
		this.endpoints = endpoints;
		this.targets = targets;
		this.clock = clock;
		// A fresh connection per request: a pooled one could have been opened to an address checked
		// for another request.
		this.http = HttpClient.newConnection()
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, Math.toIntExact(settings.connectTimeout().toMillis()))
			.responseTimeout(settings.responseTimeout())
			.followRedirect(false);
		this.deadline = settings.connectTimeout().plus(settings.responseTimeout()).plusSeconds(5);
	}

	/**
	 * @param traceparent the attempt's W3C trace context, sent on as the {@code traceparent} header
	 * so that the agency's system can continue the trace; {@code null} sends none
	 */
	Mono<AttemptResult> send(Delivery delivery, String traceparent) {
		return this.endpoints.findById(delivery.target().endpointId())
			.flatMap((endpoint) -> endpoint.enabled() ? post(delivery, endpoint, traceparent)
					: Mono.just(AttemptResult.abandoned("endpoint disabled")))
			.switchIfEmpty(Mono.fromSupplier(() -> AttemptResult.abandoned("endpoint removed")));
	}

	private Mono<AttemptResult> post(Delivery delivery, WebhookEndpoint endpoint, String traceparent) {
		return this.targets.resolve(endpoint.url()).flatMap((resolved) -> {
			if (resolved.refused()) {
				return Mono.just(AttemptResult.refused("target refused: " + resolved.problems().get(0).code()));
			}
			Instant now = this.clock.instant();
			long timestamp = now.getEpochSecond();
			String signature = WebhookSignature.sign(endpoint.signingSecrets(now), delivery.webhookId(), timestamp,
					delivery.payload());
			WebClient client = WebClient.builder()
				.clientConnector(new ReactorClientHttpConnector(
						this.http.resolver(new PinnedAddressResolverGroup(resolved.address()))))
				.build();
			return client.post()
				.uri(URI.create(endpoint.url().strip()))
				.contentType(MediaType.APPLICATION_JSON)
				.header("webhook-id", delivery.webhookId())
				.header("webhook-timestamp", Long.toString(timestamp))
				.header("webhook-signature", signature)
				.header(HttpHeaders.USER_AGENT, USER_AGENT)
				.headers((headers) -> {
					if (traceparent != null) {
						headers.set(CloudEventHeaders.TRACEPARENT, traceparent);
					}
				})
				.bodyValue(delivery.payload().getBytes(StandardCharsets.UTF_8))
				.exchangeToMono((response) -> response.releaseBody()
					.thenReturn(answer(response.statusCode().value(),
							response.headers().asHttpHeaders().getFirst(HttpHeaders.RETRY_AFTER))))
				.timeout(this.deadline)
				.onErrorResume((ex) -> Mono.just(AttemptResult.failed(ex)));
		});
	}

	private AttemptResult answer(int status, String retryAfter) {
		if (status >= 200 && status < 300) {
			return AttemptResult.succeeded(status);
		}
		boolean mayAskToWait = status == 429 || status == 503;
		return AttemptResult.rejected(status, mayAskToWait ? retryAfter(retryAfter, this.clock.instant()) : null);
	}

	/**
	 * {@code Retry-After} as seconds or as an HTTP date.
	 * @return the wait, or {@code null} when the header is absent or unreadable
	 */
	static Duration retryAfter(String header, Instant now) {
		if (header == null || header.isBlank()) {
			return null;
		}
		String value = header.strip();
		if (value.chars().allMatch(Character::isDigit)) {
			try {
				return Duration.ofSeconds(Long.parseLong(value));
			}
			catch (NumberFormatException ex) {
				return null;
			}
		}
		try {
			Duration wait = Duration.between(now, ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME));
			return wait.isNegative() ? Duration.ZERO : wait;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
