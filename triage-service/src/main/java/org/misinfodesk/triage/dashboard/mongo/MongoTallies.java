package org.misinfodesk.triage.dashboard.mongo;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.bson.Document;
import org.misinfodesk.triage.dashboard.ChangeFigures;
import org.misinfodesk.triage.dashboard.OverdueCase;
import org.misinfodesk.triage.dashboard.ResponseSample;
import org.misinfodesk.triage.dashboard.Tallies;
import org.misinfodesk.triage.dashboard.Tally;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.ReactiveBulkOperations;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Three small collections beside the cases. Counters and response times have ids that start with
 * their day, so a period is one range of {@code _id}s. The overdue list holds one line per case that
 * was ever overdue, marked listed or not, and is written only by a newer version of its case than
 * the one it was made from, so that two writes of one case finishing out of order leave the newer.
 */
@Repository
class MongoTallies implements Tallies, InitializingBean {

	static final String COUNTERS = "dashboard_counters";

	static final String RESPONSES = "dashboard_response_times";

	static final String OVERDUE = "dashboard_overdue";

	private final ReactiveMongoTemplate mongo;

	MongoTallies(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** Serves the overdue list on a real MongoDB (the embedded store reads its few lines anyway). */
	@Override
	public void afterPropertiesSet() {
		this.mongo.indexOps(OVERDUE)
			.createIndex(new Index().on("listed", Sort.Direction.ASC).on("priority", Sort.Direction.DESC).named("listed"))
			.block(Duration.ofSeconds(30));
	}

	@Override
	public Mono<Void> keep(ChangeFigures figures) {
		Mono<?> overdue = (figures.overdue() != null) ? list(figures.overdue())
				: figures.unlisted() ? unlist(figures.caseId(), figures.version()) : Mono.empty();
		return Mono.when(count(figures.tallies()), sample(figures.responses()), overdue);
	}

	/** Every counter a change moves, in one command. */
	private Mono<?> count(List<Tally> tallies) {
		if (tallies.isEmpty()) {
			return Mono.empty();
		}
		ReactiveBulkOperations upserts = this.mongo.bulkOps(BulkMode.UNORDERED, COUNTERS);
		for (Tally tally : tallies) {
			upserts.upsert(Query.query(where("_id").is(tally.id())), new Update().inc("count", tally.by())
				.setOnInsert("day", tally.day().toString())
				.setOnInsert("dimension", tally.dimension())
				.setOnInsert("value", tally.value()));
		}
		return upserts.execute();
	}

	private Mono<?> sample(List<ResponseSample> samples) {
		if (samples.isEmpty()) {
			return Mono.empty();
		}
		ReactiveBulkOperations upserts = this.mongo.bulkOps(BulkMode.UNORDERED, RESPONSES);
		for (ResponseSample sample : samples) {
			Document entry = new Document("caseId", sample.caseId()).append("routing", sample.routing())
				.append("seconds", sample.seconds());
			upserts.upsert(Query.query(where("_id").is(sample.id())), new Update().addToSet("samples", entry)
				.setOnInsert("day", sample.day().toString())
				.setOnInsert("agencyId", sample.agencyId())
				.setOnInsert("kind", sample.kind().name()));
		}
		return upserts.execute();
	}

	private Mono<?> list(OverdueCase line) {
		Update update = new Update().set("listed", true)
			.set("summary", line.summary())
			.set("status", line.status().name())
			.set("priority", line.priority())
			.set("category", line.category())
			.set("localityCode", line.localityCode())
			.set("dueAt", line.dueAt())
			.set("lateAgencies", line.lateAgencies())
			.set("overdueSince", line.overdueSince())
			.set("version", line.version());
		return newer(line.caseId(), line.version(), update);
	}

	private Mono<?> unlist(String caseId, long version) {
		return newer(caseId, version, new Update().set("listed", false).set("version", version));
	}

	private Mono<?> newer(String caseId, long version, Update update) {
		Query olderOrNone = Query.query(where("_id").is(caseId).and("version").lt(version));
		return this.mongo.upsert(olderOrNone, update, OVERDUE)
			.onErrorResume(DuplicateKeyException.class, (newerKept) -> Mono.empty());
	}

	@Override
	public Flux<Tally> counted(LocalDate from, LocalDate to) {
		return this.mongo.find(period(from, to), Document.class, COUNTERS)
			.map((doc) -> new Tally(LocalDate.parse(doc.getString("day")), doc.getString("dimension"),
					doc.getString("value"), ((Number) doc.get("count")).longValue()));
	}

	@Override
	public Flux<ResponseSample> responses(LocalDate from, LocalDate to) {
		return this.mongo.find(period(from, to), Document.class, RESPONSES).flatMapIterable((doc) -> {
			LocalDate day = LocalDate.parse(doc.getString("day"));
			String agencyId = doc.getString("agencyId");
			ResponseSample.Kind kind = ResponseSample.Kind.valueOf(doc.getString("kind"));
			return doc.getList("samples", Document.class, List.of())
				.stream()
				.map((entry) -> new ResponseSample(day, agencyId, kind, entry.getString("caseId"),
						((Number) entry.get("routing")).intValue(), ((Number) entry.get("seconds")).longValue()))
				.toList();
		});
	}

	private static Query period(LocalDate from, LocalDate to) {
		return Query.query(where("_id").gte(Tally.idPrefix(from)).lt(Tally.idPrefix(to.plusDays(1))));
	}

	@Override
	public Flux<OverdueCase> overdue(int limit) {
		Query query = Query.query(Criteria.where("listed").is(true))
			.with(Sort.by(Sort.Order.desc("priority"), Sort.Order.asc("overdueSince"), Sort.Order.asc("_id")))
			.limit(limit);
		return this.mongo.find(query, Document.class, OVERDUE)
			.map((doc) -> new OverdueCase(doc.getString("_id"), doc.getString("summary"),
					org.misinfodesk.triage.cases.CaseStatus.valueOf(doc.getString("status")),
					((Number) doc.get("priority")).intValue(), doc.getString("category"), doc.getString("localityCode"),
					instant(doc.get("dueAt")), doc.getList("lateAgencies", String.class, List.of()),
					instant(doc.get("overdueSince")), ((Number) doc.get("version")).longValue()));
	}

	private static java.time.Instant instant(Object value) {
		return (value instanceof java.util.Date date) ? date.toInstant() : null;
	}

}
