package org.misinfodesk.report.intake;

import java.time.Duration;

import org.misinfodesk.report.tracking.TrackedReports;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Repository;

/**
 * Stored reports. Creates the unique index on the tracking code before the service takes any
 * request: it is what keeps two reports from sharing a code.
 */
@Repository
class Reports implements InitializingBean {

	static final String COLLECTION = TrackedReports.COLLECTION;

	private final ReactiveMongoTemplate mongo;

	Reports(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public void afterPropertiesSet() {
		this.mongo.indexOps(COLLECTION)
			.createIndex(new Index().on("trackingCode", Sort.Direction.ASC).unique().named("trackingCode_unique"))
			.block(Duration.ofSeconds(30));
	}

	/**
	 * @return a {@link org.springframework.dao.DuplicateKeyException} when the id or the tracking code
	 * is taken
	 */
	Mono<Report> insert(Report report) {
		return this.mongo.insert(report, COLLECTION);
	}

	Mono<Report> findById(String id) {
		return this.mongo.findById(id, Report.class, COLLECTION);
	}

}
