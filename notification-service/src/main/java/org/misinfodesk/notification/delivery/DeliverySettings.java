package org.misinfodesk.notification.delivery;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How deliveries are dispatched and retried.
 *
 * @param pollInterval how often the dispatcher runs a round when nobody woke it
 * @param sweepInterval how often a round also looks for due deliveries in the whole store, rather
 * than only those it was told of (what a restart or another instance left)
 * @param lease how long a claimed attempt may run before another dispatcher may try again; longer
 * than any send can take
 * @param backoff the waits after the first, second, ... failed attempt; after the last, the delivery
 * has failed. The default with the first attempt: immediately, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h
 * @param jitter the fraction each wait varies by at random (0.2: ±20%), so retries to one agency
 * spread out
 * @param maxRetryAfter the longest wait a receiver's {@code Retry-After} can impose
 * @param concurrency attempts running at once in this instance
 * @param mailTimeout longest time one email may take to hand to the SMTP server
 * @param metricsInterval how often the pending deliveries are counted for the metrics
 */
@ConfigurationProperties("misinfodesk.deliveries")
record DeliverySettings(@DefaultValue("500ms") Duration pollInterval, @DefaultValue("5s") Duration sweepInterval,
		@DefaultValue("60s") Duration lease,
		@DefaultValue({ "5s", "5m", "30m", "2h", "5h", "10h", "10h" }) List<Duration> backoff,
		@DefaultValue("0.2") double jitter, @DefaultValue("10h") Duration maxRetryAfter,
		@DefaultValue("8") int concurrency, @DefaultValue("60s") Duration mailTimeout,
		@DefaultValue("10s") Duration metricsInterval) {
}
