package org.misinfodesk.triage.dashboard.mongo;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;

import org.bson.Document;
import org.misinfodesk.triage.cases.CaseStatus;
import org.misinfodesk.triage.dashboard.ChangeFigures;
import org.misinfodesk.triage.dashboard.OverdueCase;
import org.misinfodesk.triage.dashboard.ResponseBuckets;
import org.misinfodesk.triage.dashboard.ResponseSample;
import org.misinfodesk.triage.dashboard.Tallies;
import org.misinfodesk.triage.dashboard.Tally;
import org.misinfodesk.triage.dashboard.TimedResponses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 * Three small collections beside the cases, the first two with one document per month:
 * <ul>
 * <li>{@value #COUNTERS}: per month, dimension and value ({@code _id} {@code 2026-11|reports|all}),
 * the count of each day under {@code days.<dd>};</li>
 * <li>{@value #RESPONSES}: per month, agency and kind ({@code 2026-11|so-y-te|ACKNOWLEDGEMENT}),
 * each day's response times in seconds under {@code days.<dd>} and the month's counts per
 * {@link ResponseBuckets bucket} under {@code buckets.<bucket>};</li>
 * <li>{@value #OVERDUE}: one line per case that was ever overdue, marked listed or not, written only
 * by a newer version of its case than the one it was made from, so that two writes of one case
 * finishing out of order leave the newer.</li>
 * </ul>
 * A day's figures and their month's are moved by one update of one document, so they always agree;
 * the documents one case write moves are upserted in one bulk command per collection. A year is
 * then about a hundred counter documents a month and one response document per agency, kind and
 * month, found by {@code _id} (a range of them for the counters), on either store.
 */
@Repository
class MongoTallies implements Tallies, InitializingBean {

	static final String COUNTERS = "dashboard_monthly_counters";

	static final String RESPONSES = "dashboard_monthly_response_times";

	static final String OVERDUE = "dashboard_overdue";

	/** Where figures were kept per day, one document each, before the monthly documents. */
	static final String DAILY_COUNTERS = "dashboard_counters";

	static final String DAILY_RESPONSES = "dashboard_response_times";

	private static final Logger log = LoggerFactory.getLogger(MongoTallies.class);

	private static final String DAYS = "days";

	private static final String BUCKETS = "buckets";

	private static final int FOLD_BATCH = 500;

	private final ReactiveMongoTemplate mongo;

	MongoTallies(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * Serves the overdue list on a real MongoDB (the embedded store reads its few lines anyway), and
	 * folds figures kept per day by an earlier version into the monthly documents.
	 */
	@Override
	public void afterPropertiesSet() {
		this.mongo.indexOps(OVERDUE)
			.createIndex(new Index().on("listed", Sort.Direction.ASC).on("priority", Sort.Direction.DESC).named("listed"))
			.then(foldDailyFigures())
			.block(Duration.ofMinutes(10));
	}

	@Override
	public Mono<Void> keep(ChangeFigures figures) {
		return keep(List.of(figures));
	}

	@Override
	public Mono<Void> keep(List<ChangeFigures> figures) {
		List<Tally> tallies = figures.stream().flatMap((one) -> one.tallies().stream()).toList();
		List<ResponseSample> responses = figures.stream().flatMap((one) -> one.responses().stream()).toList();
		Flux<?> overdue = Flux.fromIterable(figures)
			.concatMap((one) -> (one.overdue() != null) ? list(one.overdue())
					: one.unlisted() ? unlist(one.caseId(), one.version()) : Mono.empty());
		return Mono.when(upsert(counterUpdates(tallies), COUNTERS), upsert(responseUpdates(responses), RESPONSES),
				overdue);
	}

	/** Every document a change moves in one collection, in one command. */
	private Mono<?> upsert(Map<String, Update> updates, String collection) {
		if (updates.isEmpty()) {
			return Mono.empty();
		}
		ReactiveBulkOperations upserts = this.mongo.bulkOps(BulkMode.UNORDERED, collection);
		updates.forEach((id, update) -> upserts.upsert(Query.query(where("_id").is(id)), update));
		return upserts.execute();
	}

	/** One update per document: the counts of one dimension and value in one month. */
	private static Map<String, Update> counterUpdates(Collection<Tally> tallies) {
		Map<String, Update> updates = new LinkedHashMap<>();
		Map<String, Map<String, Long>> days = new LinkedHashMap<>();
		for (Tally tally : tallies) {
			YearMonth month = YearMonth.from(tally.day());
			String id = counterId(month, tally.dimension(), tally.value());
			updates.computeIfAbsent(id, (first) -> new Update().setOnInsert("month", month.toString())
				.setOnInsert("dimension", tally.dimension())
				.setOnInsert("value", tally.value()));
			days.computeIfAbsent(id, (first) -> new LinkedHashMap<>())
				.merge(dayField(tally.day()), tally.by(), Long::sum);
		}
		updates.forEach((id, update) -> days.get(id).forEach(update::inc));
		return updates;
	}

	/** One update per document: the response times of one agency and kind in one month. */
	private static Map<String, Update> responseUpdates(Collection<ResponseSample> samples) {
		Map<String, Update> updates = new LinkedHashMap<>();
		Map<String, Map<String, List<Long>>> days = new LinkedHashMap<>();
		Map<String, Map<Long, Long>> buckets = new LinkedHashMap<>();
		for (ResponseSample sample : samples) {
			YearMonth month = YearMonth.from(sample.day());
			String id = responseId(month, sample.agencyId(), sample.kind());
			updates.computeIfAbsent(id, (first) -> new Update().setOnInsert("month", month.toString())
				.setOnInsert("agencyId", sample.agencyId())
				.setOnInsert("kind", sample.kind().name()));
			days.computeIfAbsent(id, (first) -> new LinkedHashMap<>())
				.computeIfAbsent(dayField(sample.day()), (first) -> new ArrayList<>())
				.add(sample.seconds());
			buckets.computeIfAbsent(id, (first) -> new TreeMap<>())
				.merge(ResponseBuckets.of(sample.seconds()), 1L, Long::sum);
		}
		updates.forEach((id, update) -> {
			days.get(id).forEach((day, seconds) -> update.push(day).each(seconds.toArray()));
			buckets.get(id).forEach((bucket, count) -> update.inc(BUCKETS + "." + bucket, count));
		});
		return updates;
	}

	static String counterId(YearMonth month, String dimension, String value) {
		return month + "|" + dimension + "|" + value;
	}

	static String responseId(YearMonth month, String agencyId, ResponseSample.Kind kind) {
		return month + "|" + agencyId + "|" + kind.name();
	}

	private static String dayField(LocalDate day) {
		return DAYS + "." + String.format("%02d", day.getDayOfMonth());
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

	/** The months' counter documents, one range of ids, each day's count turned back into a step. */
	@Override
	public Flux<Tally> counted(LocalDate from, LocalDate to) {
		Query months = Query.query(where("_id").gte(YearMonth.from(from) + "|")
			.lt(YearMonth.from(to).plusMonths(1) + "|"));
		return this.mongo.find(months, Document.class, COUNTERS).flatMapIterable((doc) -> {
			YearMonth month = YearMonth.parse(doc.getString("month"));
			List<Tally> days = new ArrayList<>();
			doc.get(DAYS, new Document()).forEach((day, count) -> {
				LocalDate date = month.atDay(Integer.parseInt(day));
				if (!date.isBefore(from) && !date.isAfter(to)) {
					days.add(new Tally(date, doc.getString("dimension"), doc.getString("value"),
							((Number) count).longValue()));
				}
			});
			return days;
		});
	}

	/**
	 * Two reads by {@code _id}: the buckets of the months the period covers whole, the days of the
	 * (at most two) months it covers in part.
	 */
	@Override
	public Flux<TimedResponses> responses(LocalDate from, LocalDate to, Collection<String> agencyIds) {
		List<String> whole = new ArrayList<>();
		List<String> part = new ArrayList<>();
		for (YearMonth month = YearMonth.from(from); !month.isAfter(YearMonth.from(to)); month = month.plusMonths(1)) {
			boolean covered = !month.atDay(1).isBefore(from) && !month.atEndOfMonth().isAfter(to);
			for (String agencyId : agencyIds) {
				for (ResponseSample.Kind kind : ResponseSample.Kind.values()) {
					(covered ? whole : part).add(responseId(month, agencyId, kind));
				}
			}
		}
		Query wholeMonths = Query.query(where("_id").in(whole));
		wholeMonths.fields().include("agencyId").include("kind").include(BUCKETS);
		Query partMonths = Query.query(where("_id").in(part));
		partMonths.fields().include("agencyId").include("kind").include("month").include(DAYS);
		Flux<TimedResponses> fromBuckets = whole.isEmpty() ? Flux.empty()
				: this.mongo.find(wholeMonths, Document.class, RESPONSES).flatMapIterable((doc) -> {
					List<TimedResponses> timed = new ArrayList<>();
					doc.get(BUCKETS, new Document()).forEach((bucket, count) -> timed.add(
							timed(doc, ResponseBuckets.middleOf(Long.parseLong(bucket)), ((Number) count).longValue())));
					return timed;
				});
		Flux<TimedResponses> fromDays = part.isEmpty() ? Flux.empty()
				: this.mongo.find(partMonths, Document.class, RESPONSES).flatMapIterable((doc) -> {
					YearMonth month = YearMonth.parse(doc.getString("month"));
					List<TimedResponses> timed = new ArrayList<>();
					doc.get(DAYS, new Document()).forEach((day, seconds) -> {
						LocalDate date = month.atDay(Integer.parseInt(day));
						if (!date.isBefore(from) && !date.isAfter(to)) {
							((List<?>) seconds).forEach((one) -> timed.add(timed(doc, ((Number) one).longValue(), 1)));
						}
					});
					return timed;
				});
		return fromBuckets.concatWith(fromDays);
	}

	private static TimedResponses timed(Document doc, long seconds, long count) {
		return new TimedResponses(doc.getString("agencyId"), ResponseSample.Kind.valueOf(doc.getString("kind")),
				seconds, count);
	}

	@Override
	public Flux<OverdueCase> overdue(int limit) {
		Query query = Query.query(Criteria.where("listed").is(true))
			.with(Sort.by(Sort.Order.desc("priority"), Sort.Order.asc("overdueSince"), Sort.Order.asc("_id")))
			.limit(limit);
		return this.mongo.find(query, Document.class, OVERDUE)
			.map((doc) -> new OverdueCase(doc.getString("_id"), doc.getString("summary"),
					CaseStatus.valueOf(doc.getString("status")), ((Number) doc.get("priority")).intValue(),
					doc.getString("category"), doc.getString("localityCode"), instant(doc.get("dueAt")),
					doc.getList("lateAgencies", String.class, List.of()), instant(doc.get("overdueSince")),
					((Number) doc.get("version")).longValue()));
	}

	private static java.time.Instant instant(Object value) {
		return (value instanceof java.util.Date date) ? date.toInstant() : null;
	}

	/**
	 * Moves one per-day collection into its monthly one, a batch at a time: {@code toMonthly} adds a
	 * per-day document's figures to the batch's updates, and each batch is deleted once upserted.
	 * @return how many per-day documents were moved
	 */
	private Mono<Long> fold(String daily, String monthly, BiConsumer<Map<String, Update>, Document> toMonthly) {
		return this.mongo.find(batched(), Document.class, daily).buffer(FOLD_BATCH).concatMap((batch) -> {
			Map<String, Update> updates = new LinkedHashMap<>();
			batch.forEach((doc) -> toMonthly.accept(updates, doc));
			return upsert(updates, monthly).then(removeAll(batch, daily)).thenReturn(batch.size());
		}).reduce(0L, Long::sum);
	}

	/**
	 * Moves the per-day documents of an earlier version into the monthly ones, a batch at a time,
	 * deleting each batch once moved, then drops the emptied collections. Runs before this instance
	 * counts anything, and sets each day's figures to what its per-day document held rather than
	 * adding them, so that a start after a crash in the middle goes on where it stopped.
	 */
	Mono<Void> foldDailyFigures() {
		Mono<Long> counters = fold(DAILY_COUNTERS, COUNTERS, (updates, doc) -> {
			LocalDate day = LocalDate.parse(doc.getString("day"));
			YearMonth month = YearMonth.from(day);
			updates.computeIfAbsent(counterId(month, doc.getString("dimension"), doc.getString("value")),
					(id) -> new Update().setOnInsert("month", month.toString())
						.setOnInsert("dimension", doc.getString("dimension"))
						.setOnInsert("value", doc.getString("value")))
				.set(dayField(day), ((Number) doc.get("count")).longValue());
		});
		Set<String> folded = new LinkedHashSet<>();
		Mono<Long> responses = fold(DAILY_RESPONSES, RESPONSES, (updates, doc) -> {
			LocalDate day = LocalDate.parse(doc.getString("day"));
			YearMonth month = YearMonth.from(day);
			String id = responseId(month, doc.getString("agencyId"), ResponseSample.Kind.valueOf(doc.getString("kind")));
			folded.add(id);
			updates.computeIfAbsent(id, (first) -> new Update().setOnInsert("month", month.toString())
				.setOnInsert("agencyId", doc.getString("agencyId"))
				.setOnInsert("kind", doc.getString("kind")))
				.set(dayField(day), doc.getList("samples", Document.class, List.of())
					.stream()
					.map((sample) -> ((Number) sample.get("seconds")).longValue())
					.toList());
		});
		return counters.zipWith(responses).flatMap((moved) -> {
			if (moved.getT1() + moved.getT2() == 0) {
				return Mono.empty();
			}
			log.info("Folded {} per-day counters and {} per-day response time documents into the monthly documents",
					moved.getT1(), moved.getT2());
			return recountBuckets(folded).then(this.mongo.dropCollection(DAILY_COUNTERS))
				.then(this.mongo.dropCollection(DAILY_RESPONSES));
		});
	}

	/** Counts the buckets of these months again from their days' response times. */
	private Mono<Void> recountBuckets(Collection<String> ids) {
		Query months = Query.query(where("_id").in(ids));
		months.fields().include(DAYS);
		return this.mongo.find(months, Document.class, RESPONSES).buffer(FOLD_BATCH).concatMap((batch) -> {
			Map<String, Update> updates = new LinkedHashMap<>();
			for (Document doc : batch) {
				Document buckets = new Document();
				Map<Long, Long> counts = new TreeMap<>();
				doc.get(DAYS, new Document())
					.values()
					.forEach((seconds) -> ((List<?>) seconds).forEach(
							(one) -> counts.merge(ResponseBuckets.of(((Number) one).longValue()), 1L, Long::sum)));
				counts.forEach((bucket, count) -> buckets.append(Long.toString(bucket), count));
				updates.put(doc.getString("_id"), new Update().set(BUCKETS, buckets));
			}
			return upsert(updates, RESPONSES);
		}).then();
	}

	private static Query batched() {
		return new Query().cursorBatchSize(FOLD_BATCH);
	}

	private Mono<?> removeAll(List<Document> batch, String collection) {
		return this.mongo.remove(Query.query(where("_id").in(batch.stream().map((doc) -> doc.get("_id")).toList())),
				collection);
	}

}
