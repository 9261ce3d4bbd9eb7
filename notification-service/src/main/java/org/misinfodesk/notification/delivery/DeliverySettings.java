package org.misinfodesk.notification.delivery;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How deliveries are dispatched and retried.
 *
 * @param pollInterval how often the dispatcher looks for due deliveries when nobody woke it
 * @param lease how long a claimed attempt may run before another dispatcher may try again; longer
 * than any send can take
 * @param backoff the waits after the first, second, ... failed attempt; after the last, the delivery
 * has failed
 * @param jitter the fraction each wait varies by at random (0.2: ±20%), so retries to one agency
 * spread out
 * @param concurrency attempts running at once in this instance
 * @param mailTimeout longest time one email may take to hand to the SMTP server
 */
@ConfigurationProperties("misinfodesk.deliveries")
record DeliverySettings(@DefaultValue("500ms") Duration pollInterval, @DefaultValue("60s") Duration lease,
		@DefaultValue({ "5s", "30s", "2m", "10m", "30m" }) List<Duration> backoff, @DefaultValue("0.2") double jitter,
		@DefaultValue("8") int concurrency, @DefaultValue("60s") Duration mailTimeout) {
}
