package org.misinfodesk.triage.queue;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the queue behaves.
 *
 * @param claimLease how long a claim keeps other analysts off a case; claiming again renews it
 * @param keepAlive how often an idle live stream sends a comment so that proxies keep it open
 * @param maxListed the most cases one listing returns
 * @param pageSize how many cases the API lists when the caller does not say (at most
 * {@code maxListed}): the first page is read all day, so it stays small
 */
@ConfigurationProperties("misinfodesk.queue")
public record QueueSettings(@DefaultValue("30m") Duration claimLease, @DefaultValue("15s") Duration keepAlive,
		@DefaultValue("500") int maxListed, @DefaultValue("50") int pageSize) {

	public QueueSettings {
		if (claimLease.isNegative() || claimLease.isZero()) {
			throw new IllegalArgumentException("misinfodesk.queue.claim-lease must be positive");
		}
		if (keepAlive.isNegative() || keepAlive.isZero()) {
			throw new IllegalArgumentException("misinfodesk.queue.keep-alive must be positive");
		}
		if (maxListed < 1) {
			throw new IllegalArgumentException("misinfodesk.queue.max-listed must be at least 1");
		}
		if (pageSize < 1 || pageSize > maxListed) {
			throw new IllegalArgumentException(
					"misinfodesk.queue.page-size must be from 1 to misinfodesk.queue.max-listed");
		}
	}

}
