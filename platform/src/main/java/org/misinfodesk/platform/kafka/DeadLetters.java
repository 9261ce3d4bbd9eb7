package org.misinfodesk.platform.kafka;

import org.apache.kafka.common.TopicPartition;
import org.misinfodesk.platform.events.MalformedEventException;
import tools.jackson.core.JacksonException;

import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Bounded retries, then the record goes to {@code <topic>.dlt} with the failure in its headers; a
 * record is never acknowledged and dropped. Records that no retry can fix skip the retries.
 */
public final class DeadLetters {

	private DeadLetters() {
	}

	public static DefaultErrorHandler errorHandler(KafkaOperations<?, ?> template, KafkaSettings settings) {
		var recoverer = new DeadLetterPublishingRecoverer(template,
				(record, ex) -> new TopicPartition(record.topic() + KafkaSettings.DEAD_LETTER_SUFFIX, -1));
		var handler = new DefaultErrorHandler(recoverer,
				new FixedBackOff(settings.retryBackoff().toMillis(), settings.retries()));
		handler.addNotRetryableExceptions(MalformedEventException.class, JacksonException.class);
		return handler;
	}

}
