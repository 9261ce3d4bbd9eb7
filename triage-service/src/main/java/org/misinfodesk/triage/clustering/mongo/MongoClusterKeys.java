package org.misinfodesk.triage.clustering.mongo;

import java.util.Collection;
import java.util.List;

import com.mongodb.MongoBulkWriteException;
import org.misinfodesk.triage.clustering.ClusterKeys;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.BulkOperationException;
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

	private static final int DUPLICATE_KEY = 11000;

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

	/**
	 * Files the case under every key in one command (a report has some thirty keys: its link and its
	 * MinHash bands), so that the store commits them together. A key that is full, or already names
	 * the case, matches nothing and its upsert fails on the key's {@code _id}: that one is skipped.
	 */
	@Override
	public Mono<Void> file(Collection<String> keys, String caseId) {
		if (keys.isEmpty()) {
			return Mono.empty();
		}
		ReactiveBulkOperations upserts = this.mongo.bulkOps(BulkMode.UNORDERED, COLLECTION);
		for (String key : keys) {
			upserts.upsert(Query.query(where("_id").is(key).and("size").lt(PER_KEY).and("caseIds").ne(caseId)),
					new Update().push("caseIds", caseId).inc("size", 1));
		}
		return upserts.execute().then().onErrorResume(MongoClusterKeys::onlyFullKeys, (full) -> Mono.empty());
	}

	/** Whether every write that failed did so because its key is full or already names the case. */
	private static boolean onlyFullKeys(Throwable failed) {
		for (Throwable cause = failed; cause != null; cause = cause.getCause()) {
			if (cause instanceof MongoBulkWriteException bulk) {
				return bulk.getWriteErrors().stream().allMatch((error) -> error.getCode() == DUPLICATE_KEY);
			}
			if (cause instanceof BulkOperationException bulk) {
				return bulk.getErrors().stream().allMatch((error) -> error.getCode() == DUPLICATE_KEY);
			}
		}
		return false;
	}

	/** One key and the cases filed under it. */
	record ClusterKey(@Id String id, List<String> caseIds, int size) {

		ClusterKey {
			caseIds = (caseIds != null) ? caseIds : List.of();
		}

	}

}
