package org.misinfodesk.platform.observability;

import java.time.Duration;

import org.bson.Document;
import reactor.core.publisher.Mono;

import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/**
 * Pings the store. Replaces Boot's MongoDB indicator, whose {@code hello} command the embedded
 * store does not answer.
 */
public class StoreHealthIndicator extends AbstractReactiveHealthIndicator {

	private final ReactiveMongoTemplate mongo;

	private final Duration timeout;

	public StoreHealthIndicator(ReactiveMongoTemplate mongo, Duration timeout) {
		super("Store ping failed");
		this.mongo = mongo;
		this.timeout = timeout;
	}

	@Override
	protected Mono<Health> doHealthCheck(Health.Builder builder) {
		return this.mongo.executeCommand(new Document("ping", 1))
			.timeout(this.timeout)
			.map((answer) -> builder.up().build());
	}

}
