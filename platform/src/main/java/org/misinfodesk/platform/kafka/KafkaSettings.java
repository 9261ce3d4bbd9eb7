package org.misinfodesk.platform.kafka;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Topics this service reads or writes and how failed records are retried.
 *
 * @param topics topic names; each gets a {@code <topic>.dlt} beside it
 * @param createTopics whether the service creates its topics (the local profile only; elsewhere the
 * deployment's manifests own them)
 * @param partitions partitions of each created topic
 * @param retries attempts after the first before a record goes to its dead-letter topic
 * @param retryBackoff pause between those attempts
 */
@ConfigurationProperties("misinfodesk.kafka")
public record KafkaSettings(@DefaultValue List<String> topics, @DefaultValue("false") boolean createTopics,
		@DefaultValue("3") int partitions, @DefaultValue("3") int retries, @DefaultValue("1s") Duration retryBackoff) {

	public static final String DEAD_LETTER_SUFFIX = ".dlt";

}
