package org.misinfodesk.triage.clustering.mongo;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.misinfodesk.platform.store.BulkOutcome;
import org.misinfodesk.triage.clustering.ClusterKeys;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.ReactiveBulkOperations;
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
	public Mono<Map<String, List<String>>> casesUnder(Collection<String> keys) {
		if (keys.isEmpty()) {
			return Mono.just(Map.of());
		}
		return this.mongo.find(Query.query(where("_id").in(keys)), ClusterKey.class, COLLECTION)
			.collectMap(ClusterKey::id, ClusterKey::caseIds);
	}

	@Override
	public Mono<Void> file(Collection<String> keys, String caseId) {
		return file(Map.of(caseId, keys));
	}

	/**
	 * Files every case under every one of its keys in one command (a report has some thirty keys: its
	 * link and its MinHash bands), so that the store commits them together. A key that is full, or
	 * already names the case, matches nothing and its upsert fails on the key's {@code _id}: that one
	 * is skipped.
	 */
	@Override
	public Mono<Void> file(Map<String, ? extends Collection<String>> keysByCase) {
		if (keysByCase.values().stream().allMatch(Collection::isEmpty)) {
			return Mono.empty();
		}
		ReactiveBulkOperations upserts = this.mongo.bulkOps(BulkMode.UNORDERED, COLLECTION);
		keysByCase.forEach((caseId, keys) -> keys.forEach((key) -> upserts.upsert(
				Query.query(where("_id").is(key).and("size").lt(PER_KEY).and("caseIds").ne(caseId)),
				new Update().push("caseIds", caseId).inc("size", 1))));
		return upserts.execute().then().onErrorResume(BulkOutcome::onlyDuplicates, (full) -> Mono.empty());
	}

	/** One key and the cases filed under it. */
	record ClusterKey(@Id String id, List<String> caseIds, int size) {

		ClusterKey {
			caseIds = (caseIds != null) ? caseIds : List.of();
		}

	}

}
