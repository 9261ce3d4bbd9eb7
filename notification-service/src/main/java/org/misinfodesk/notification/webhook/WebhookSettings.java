package org.misinfodesk.notification.webhook;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How webhooks are sent and which targets are allowed.
 *
 * @param connectTimeout how long to wait for the agency's server to accept the connection
 * @param responseTimeout how long to wait for its answer once the request is sent
 * @param insecureTargetsAllowed whether plain {@code http} and loopback, private or link-local
 * targets are accepted: the local profile only, so a developer can point a webhook at their machine
 * @param rotationOverlap how long the previous secret keeps signing after a rotation
 * @param disableAfter how long an endpoint may fail without a single success before it is disabled
 */
@ConfigurationProperties("misinfodesk.webhooks")
public record WebhookSettings(@DefaultValue("5s") Duration connectTimeout,
		@DefaultValue("10s") Duration responseTimeout, @DefaultValue("false") boolean insecureTargetsAllowed,
		@DefaultValue("24h") Duration rotationOverlap, @DefaultValue("5d") Duration disableAfter) {
}
