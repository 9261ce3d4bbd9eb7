package org.misinfodesk.notification.agency;

import java.time.Duration;

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
 * The email contact points administrators added ({@code email-contacts} collection); the unique
 * {@code key} keeps two requests from adding the same address to an agency twice.
 */
@Repository
class EmailContacts implements InitializingBean {

	static final String COLLECTION = "email-contacts";

	private final ReactiveMongoTemplate mongo;

	EmailContacts(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public void afterPropertiesSet() {
		var indexes = this.mongo.indexOps(COLLECTION);
		indexes.createIndex(new Index("key", Sort.Direction.ASC).unique()).block(Duration.ofSeconds(30));
		indexes.createIndex(new Index("agencyId", Sort.Direction.ASC)).block(Duration.ofSeconds(30));
	}

	/** Fails with a {@code DuplicateKeyException} when the agency has the address already. */
	Mono<EmailContact> insert(EmailContact contact) {
		return this.mongo.insert(contact);
	}

	/** An agency's added contact points, oldest first. */
	Flux<EmailContact> findByAgency(String agencyId) {
		return this.mongo.find(Query.query(Criteria.where("agencyId").is(agencyId)).with(Sort.by("createdAt", "_id")),
				EmailContact.class);
	}

	Mono<EmailContact> findOne(String agencyId, String id) {
		return this.mongo.findOne(Query.query(Criteria.where("_id").is(id).and("agencyId").is(agencyId)),
				EmailContact.class);
	}

	Mono<EmailContact> changeState(String agencyId, String id, ContactState state) {
		return this.mongo.findAndModify(Query.query(Criteria.where("_id").is(id).and("agencyId").is(agencyId)),
				new Update().set("state", state), FindAndModifyOptions.options().returnNew(true), EmailContact.class);
	}

	/** @return whether there was such a contact point */
	Mono<Boolean> delete(String agencyId, String id) {
		return this.mongo.remove(Query.query(Criteria.where("_id").is(id).and("agencyId").is(agencyId)),
				EmailContact.class)
			.map((result) -> result.getDeletedCount() == 1);
	}

}
