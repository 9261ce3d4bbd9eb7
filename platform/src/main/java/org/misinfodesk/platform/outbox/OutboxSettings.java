package org.misinfodesk.platform.outbox;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the relay looks for pending events and how often.
 *
 * @param collections the collections whose documents carry an {@code outbox} array
 * @param pollInterval how often the relay looks even when nobody woke it (after a crash, say)
 * @param batchSize documents read per round
 * @param sendTimeout how long one round waits for the broker before trying again later
 */
@ConfigurationProperties("misinfodesk.outbox")
public record OutboxSettings(@DefaultValue List<String> collections, @DefaultValue("1s") Duration pollInterval,
		@DefaultValue("200") int batchSize, @DefaultValue("30s") Duration sendTimeout) {
}
