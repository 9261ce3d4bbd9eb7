package org.misinfodesk.notification.webhook;

import java.time.Duration;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/**
 * The registered webhook endpoints ({@code endpoints} collection).
 */
@Repository
public class WebhookEndpoints implements InitializingBean {

	static final String COLLECTION = "endpoints";

	private final ReactiveMongoTemplate mongo;

	WebhookEndpoints(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public void afterPropertiesSet() {
		this.mongo.indexOps(COLLECTION).createIndex(new Index("agencyId", Sort.Direction.ASC))
			.block(Duration.ofSeconds(30));
	}

	Mono<WebhookEndpoint> insert(WebhookEndpoint endpoint) {
		return this.mongo.insert(endpoint);
	}

	public Mono<WebhookEndpoint> findById(String id) {
		return this.mongo.findById(id, WebhookEndpoint.class);
	}

	/** An agency's endpoints, oldest first. */
	public Flux<WebhookEndpoint> findByAgency(String agencyId) {
		return this.mongo.find(Query.query(Criteria.where("agencyId").is(agencyId))
			.with(Sort.by("createdAt", "_id")), WebhookEndpoint.class);
	}

	/** The endpoints that get an agency's new alerts. */
	public Flux<WebhookEndpoint> findEnabledByAgency(String agencyId) {
		return findByAgency(agencyId).filter(WebhookEndpoint::enabled);
	}

}
