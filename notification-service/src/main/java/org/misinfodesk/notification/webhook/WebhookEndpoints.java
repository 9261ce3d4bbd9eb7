package org.misinfodesk.notification.webhook;

import java.time.Duration;
import java.time.Instant;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * The registered webhook endpoints ({@code endpoints} collection). Every change is one conditional
 * write, so two instances recording results for the same endpoint cannot undo each other.
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

	Mono<WebhookEndpoint> disable(String id, DisabledReason reason) {
		Update update = new Update().set("state", EndpointState.DISABLED).set("disabledReason", reason);
		return this.mongo.findAndModify(Query.query(Criteria.where("_id").is(id)), update,
				FindAndModifyOptions.options().returnNew(true), WebhookEndpoint.class);
	}

	/** Enables an endpoint with a clean record: its earlier failures no longer count towards disabling it. */
	Mono<WebhookEndpoint> enable(String id) {
		Update update = new Update().set("state", EndpointState.ENABLED).unset("disabledReason").unset("failingSince");
		return this.mongo.findAndModify(Query.query(Criteria.where("_id").is(id)), update,
				FindAndModifyOptions.options().returnNew(true), WebhookEndpoint.class);
	}

	Mono<Boolean> delete(String id) {
		return this.mongo.remove(Query.query(Criteria.where("_id").is(id)), WebhookEndpoint.class)
			.map((result) -> result.getDeletedCount() == 1);
	}

	/** Replaces the secret unless another rotation replaced it first. */
	Mono<WebhookEndpoint> rotate(WebhookEndpoint current, String newSecret, Instant previousUntil) {
		Query unchanged = Query.query(Criteria.where("_id").is(current.id()).and("secret").is(current.secret()));
		Update update = new Update().set("secret", newSecret)
			.set("previousSecret", current.secret())
			.set("previousSecretUntil", previousUntil);
		return this.mongo.findAndModify(unchanged, update, FindAndModifyOptions.options().returnNew(true),
				WebhookEndpoint.class);
	}

	/** The endpoint answered {@code 2xx}: whatever failed before no longer counts. */
	public Mono<Void> succeeded(String id) {
		return this.mongo
			.updateFirst(Query.query(Criteria.where("_id").is(id).and("failingSince").ne(null)),
					new Update().unset("failingSince"), WebhookEndpoint.class)
			.then();
	}

	/**
	 * Notes a failure, and disables the endpoint once it has failed without a success for
	 * {@code disableAfter}.
	 * @return the endpoint, when this very failure disabled it
	 */
	public Mono<WebhookEndpoint> failed(String id, Instant now, Duration disableAfter) {
		Query firstFailure = Query.query(Criteria.where("_id").is(id).and("failingSince").is(null));
		Query failingTooLong = Query.query(Criteria.where("_id")
			.is(id)
			.and("state")
			.is(EndpointState.ENABLED)
			.and("failingSince")
			.lte(now.minus(disableAfter)));
		Update disable = new Update().set("state", EndpointState.DISABLED)
			.set("disabledReason", DisabledReason.FAILING);
		return this.mongo.updateFirst(firstFailure, new Update().set("failingSince", now), WebhookEndpoint.class)
			.then(this.mongo.findAndModify(failingTooLong, disable, FindAndModifyOptions.options().returnNew(true),
					WebhookEndpoint.class));
	}

	/**
	 * The agency's server answered {@code 410 Gone}.
	 * @return the endpoint, when this answer disabled it
	 */
	public Mono<WebhookEndpoint> gone(String id) {
		Query enabled = Query.query(Criteria.where("_id").is(id).and("state").is(EndpointState.ENABLED));
		Update disable = new Update().set("state", EndpointState.DISABLED).set("disabledReason", DisabledReason.GONE);
		return this.mongo.findAndModify(enabled, disable, FindAndModifyOptions.options().returnNew(true),
				WebhookEndpoint.class);
	}

}
