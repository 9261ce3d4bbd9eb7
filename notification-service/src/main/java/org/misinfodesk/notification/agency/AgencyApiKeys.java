package org.misinfodesk.notification.agency;

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
 * The agencies' API keys ({@code agency-api-keys} collection), found on every request by the unique
 * hash of the key.
 */
@Repository
class AgencyApiKeys implements InitializingBean {

	static final String COLLECTION = "agency-api-keys";

	private final ReactiveMongoTemplate mongo;

	AgencyApiKeys(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public void afterPropertiesSet() {
		this.mongo.indexOps(COLLECTION)
			.createIndex(new Index("hash", Sort.Direction.ASC).unique())
			.block(Duration.ofSeconds(30));
	}

	Mono<AgencyApiKey> insert(AgencyApiKey key) {
		return this.mongo.insert(key);
	}

	Mono<AgencyApiKey> findByHash(String hash) {
		return this.mongo.findOne(Query.query(Criteria.where("hash").is(hash)), AgencyApiKey.class);
	}

	/** An agency's keys, oldest first. */
	Flux<AgencyApiKey> findByAgency(String agencyId) {
		return this.mongo.find(Query.query(Criteria.where("agencyId").is(agencyId)).with(Sort.by("createdAt", "_id")),
				AgencyApiKey.class);
	}

	/** Revokes a key once; a key revoked already keeps the time it was first revoked. */
	Mono<AgencyApiKey> revoke(String agencyId, String id, Instant at) {
		Query key = Query.query(Criteria.where("_id").is(id).and("agencyId").is(agencyId));
		return this.mongo
			.findAndModify(Query.query(Criteria.where("_id").is(id).and("agencyId").is(agencyId).and("revokedAt").is(null)),
					new Update().set("revokedAt", at), FindAndModifyOptions.options().returnNew(true), AgencyApiKey.class)
			.switchIfEmpty(Mono.defer(() -> this.mongo.findOne(key, AgencyApiKey.class)));
	}

}
