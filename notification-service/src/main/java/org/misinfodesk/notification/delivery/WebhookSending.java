package org.misinfodesk.notification.delivery;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

import io.netty.channel.ChannelOption;
import org.misinfodesk.notification.webhook.WebhookEndpoint;
import org.misinfodesk.notification.webhook.WebhookEndpoints;
import org.misinfodesk.notification.webhook.WebhookSettings;
import org.misinfodesk.notification.webhook.WebhookSignature;
import org.misinfodesk.notification.webhook.WebhookTargets;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * One attempt at a webhook delivery: a signed {@code POST} of the stored body. Any {@code 2xx} is
 * success; every other status, a redirect included (none is followed), a timeout or a connection
 * error is a failure.
 */
@Component
class WebhookSending {

	static final String USER_AGENT = "MisinfoDesk-Webhooks/1";

	private final WebhookEndpoints endpoints;

	private final WebhookTargets targets;

	private final Clock clock;

	private final WebClient client;

	private final Duration deadline;

	WebhookSending(WebhookEndpoints endpoints, WebhookTargets targets, Clock clock, WebhookSettings settings) {
		this.endpoints = endpoints;
		this.targets = targets;
		this.clock = clock;
		HttpClient http = HttpClient.create()
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, Math.toIntExact(settings.connectTimeout().toMillis()))
			.responseTimeout(settings.responseTimeout())
			.followRedirect(false);
		this.client = WebClient.builder().clientConnector(new ReactorClientHttpConnector(http)).build();
		this.deadline = settings.connectTimeout().plus(settings.responseTimeout()).plusSeconds(5);
	}

	Mono<AttemptResult> send(Delivery delivery) {
		return this.endpoints.findById(delivery.target().endpointId())
			.flatMap((endpoint) -> endpoint.enabled() ? post(delivery, endpoint)
					: Mono.just(AttemptResult.abandoned("endpoint disabled")))
			.switchIfEmpty(Mono.fromSupplier(() -> AttemptResult.abandoned("endpoint removed")));
	}

	private Mono<AttemptResult> post(Delivery delivery, WebhookEndpoint endpoint) {
		return this.targets.check("url", endpoint.url()).flatMap((problems) -> {
			if (!problems.isEmpty()) {
				return Mono.just(AttemptResult.failed("target refused: " + problems.get(0).code()));
			}
			long timestamp = this.clock.instant().getEpochSecond();
			String signature = WebhookSignature.sign(endpoint.secret(), delivery.webhookId(), timestamp,
					delivery.payload());
			return this.client.post()
				.uri(URI.create(endpoint.url()))
				.contentType(MediaType.APPLICATION_JSON)
				.header("webhook-id", delivery.webhookId())
				.header("webhook-timestamp", Long.toString(timestamp))
				.header("webhook-signature", signature)
				.header("User-Agent", USER_AGENT)
				.bodyValue(delivery.payload().getBytes(StandardCharsets.UTF_8))
				.exchangeToMono((response) -> response.releaseBody().thenReturn(response.statusCode().value()))
				.timeout(this.deadline)
				.map((status) -> status >= 200 && status < 300 ? AttemptResult.succeeded(status)
						: AttemptResult.rejected(status))
				.onErrorResume((ex) -> Mono.just(AttemptResult.failed(ex)));
		});
	}

}
