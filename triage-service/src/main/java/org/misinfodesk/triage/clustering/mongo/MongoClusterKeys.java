package org.misinfodesk.triage.clustering.mongo;

import java.util.Collection;
import java.util.List;

import org.misinfodesk.triage.clustering.ClusterKeys;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import static org.springframework.data.mongodb.core.query.Criteria.where;

@Repository
class MongoClusterKeys implements ClusterKeys {

	static final String COLLECTION = "cluster_keys";

	/** The most cases one key remembers: a key shared by that many cases tells nothing anyway. */
	static final int PER_KEY = 200;

	private final ReactiveMongoTemplate mongo;

	MongoClusterKeys(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public Flux<String> caseIdsFor(Collection<String> keys, int limit) {
		if (keys.isEmpty()) {
			return Flux.empty();
		}
		return this.mongo.find(Query.query(where("_id").in(keys)), ClusterKey.class, COLLECTION)
			.flatMapIterable(ClusterKey::caseIds)
			.distinct()
			.take(limit);
	}

	@Override
	public Mono<Void> file(Collection<String> keys, String caseId) {
		return Flux.fromIterable(keys)
			.concatMap((key) -> this.mongo.upsert(Query.query(where("_id").is(key).and("size").lt(PER_KEY)
				.and("caseIds").ne(caseId)), new Update().push("caseIds", caseId).inc("size", 1), COLLECTION)
				.onErrorResume(org.springframework.dao.DuplicateKeyException.class, (full) -> Mono.empty()))
			.then();
	}

	/** One key and the cases filed under it. */
	record ClusterKey(@Id String id, List<String> caseIds, int size) {

		ClusterKey {
			caseIds = (caseIds != null) ? caseIds : List.of();
		}

	}

}
