package org.misinfodesk.platform.outbox;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the relay looks for pending events and how often.
 *
 * @param collections the collections whose documents carry an {@code outbox} array
 * @param pollInterval how often the relay runs a round even when nobody woke it
 * @param sweepInterval how often a round also looks for pending events in whole collections (what a
 * crash or another instance left behind), rather than only in the documents named by their writers;
 * a sweep also runs at start and after a failed round. A sweep reads every document of the embedded
 * store's collections, so it is rare by default
 * @param batchSize documents read per round
 * @param sendTimeout how long one round waits for the broker before trying again later
 */
@ConfigurationProperties("misinfodesk.outbox")
public record OutboxSettings(@DefaultValue List<String> collections, @DefaultValue("1s") Duration pollInterval,
		@DefaultValue("5m") Duration sweepInterval,
		@DefaultValue("200") int batchSize, @DefaultValue("30s") Duration sendTimeout) {
}
