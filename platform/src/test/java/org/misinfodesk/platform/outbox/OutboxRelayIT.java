package org.misinfodesk.platform.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.misinfodesk.platform.test.EmbeddedMongo;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "spring.application.name=relay-test", "misinfodesk.outbox.collections=parcels",
				"misinfodesk.outbox.poll-interval=10m", "misinfodesk.outbox.sweep-interval=10m",
				"spring.autoconfigure.exclude=org.misinfodesk.platform.security.PlatformSecurityAutoConfiguration",
				"spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}" })
@EmbeddedKafka(topics = "parcels.sent", partitions = 1)
class OutboxRelayIT {

	@Autowired
	ReactiveMongoTemplate mongo;

	@Autowired
	Outbox outbox;

	@Autowired
	EmbeddedKafkaBroker broker;

	@Autowired
	Tracer tracer;

	@Autowired
	MeterRegistry metrics;

	@DynamicPropertySource
	static void store(DynamicPropertyRegistry registry) {
		registry.add("spring.mongodb.uri", () -> EmbeddedMongo.uri("relay-test"));
	}

	@Test
	void publishesStoredEventsInOrderAsCloudEventsAndEmptiesTheOutbox() {
		var first = this.outbox.event("org.example.parcel.sent.v1", "parcels.sent", "p-1", Map.of("n", 1));
		var second = this.outbox.event("org.example.parcel.sent.v1", "parcels.sent", "p-1", Map.of("n", 2));
		this.mongo.insert(new Parcel("p-1", "sent", List.of(first, second)), "parcels").block();
		this.outbox.wake();

		List<ConsumerRecord<String, String>> received = consume(2);
		assertThat(received).extracting(ConsumerRecord::value).containsExactly("{\"n\":1}", "{\"n\":2}");
		ConsumerRecord<String, String> record = received.get(0);
		assertThat(record.key()).isEqualTo("p-1");
		assertThat(header(record, "ce_id")).isEqualTo(first.id());
		assertThat(header(record, "ce_type")).isEqualTo("org.example.parcel.sent.v1");
		assertThat(header(record, "ce_source")).isEqualTo("/relay-test");
		assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
		assertThat(header(record, "ce_time")).isEqualTo(first.time().toString());
		assertThat(header(record, "content-type")).isEqualTo("application/json");

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(pendingIds("parcels", "p-1")).isEmpty());
		assertThat(this.metrics.get("misinfodesk.outbox.published").tag("topic", "parcels.sent").counter().count())
			.isGreaterThanOrEqualTo(2);
		assertThat(this.metrics.get("misinfodesk.outbox.publish.delay").timer().count()).isGreaterThanOrEqualTo(2);
	}

	@Test
	void sweepReportsWhatItFoundWaiting() {
		var waiting = this.outbox.event("org.example.parcel.sent.v1", "parcels.sent", "p-5", Map.of("n", 6));
		this.mongo.insert(new Parcel("p-5", "sent", List.of(waiting)), "parcels").block();
		this.outbox.wake();

		consume("p-5", 1);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.metrics.get("misinfodesk.outbox.pending").gauge().value())
				.isGreaterThanOrEqualTo(1));
	}

	@Test
	void eventPushedWithAnUpdateIsPublishedToo() {
		this.mongo.insert(new Parcel("p-2", "new", List.of()), "parcels").block();
		var sent = this.outbox.event("org.example.parcel.sent.v1", "parcels.sent", "p-2", Map.of("n", 3));
		this.mongo
			.updateFirst(Query.query(Criteria.where("_id").is("p-2")),
					new Update().set("state", "sent").push(OutboxEvent.FIELD, sent), "parcels")
			.block();
		this.outbox.wake();

		assertThat(consume(1)).extracting(ConsumerRecord::key).containsExactly("p-2");
	}

	@Test
	void documentNamedByItsWriterIsPublishedWithoutASweepEvenOutsideTheSweptCollections() {
		var sent = this.outbox.event("org.example.parcel.sent.v1", "parcels.sent", "p-4", Map.of("n", 5));
		this.mongo.insert(new Parcel("p-4", "sent", List.of(sent)), "letters").block();
		this.outbox.wake("letters", "p-4");

		assertThat(consume("p-4", 1)).extracting(ConsumerRecord::value).containsExactly("{\"n\":5}");
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(pendingIds("letters", "p-4")).isEmpty());
	}

	@Test
	void eventsHandedOverByTheirWriterArePublishedAsGivenWithoutReadingTheDocument() {
		var older = this.outbox.event("org.example.parcel.sent.v1", "parcels.sent", "p-6", Map.of("n", 7));
		var newer = this.outbox.event("org.example.parcel.sent.v1", "parcels.sent", "p-6", Map.of("n", 8));
		this.mongo.insert(new Parcel("p-6", "sent", List.of(older, newer)), "letters").block();
		// only the newer event is handed over: had the relay read the document, it would send both
		this.outbox.wake("letters", "p-6", List.of(newer));

		assertThat(consume("p-6", 1)).extracting(ConsumerRecord::value).containsExactly("{\"n\":8}");
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(pendingIds("letters", "p-6")).containsExactly(older.id()));
	}

	@Test
	void documentNamedOnceWithItsEventsAndOnceWithoutIsReadForAllOfThem() {
		var first = this.outbox.event("org.example.parcel.sent.v1", "parcels.sent", "p-7", Map.of("n", 9));
		var second = this.outbox.event("org.example.parcel.sent.v1", "parcels.sent", "p-7", Map.of("n", 10));
		this.mongo.insert(new Parcel("p-7", "sent", List.of(first, second)), "letters").block();
		this.outbox.wake("letters", "p-7", List.of(first));
		this.outbox.wake("letters", "p-7");

		assertThat(consume("p-7", 2)).extracting(ConsumerRecord::value).containsExactly("{\"n\":9}", "{\"n\":10}");
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(pendingIds("letters", "p-7")).isEmpty());
	}

	@Test
	void eventRaisedInsideATraceCarriesItsTraceparent() {
		Span span = this.tracer.nextSpan().name("submitting").start();
		OutboxEvent traced;
		try (Tracer.SpanInScope scope = this.tracer.withSpan(span)) {
			traced = this.outbox.event("org.example.parcel.sent.v1", "parcels.sent", "p-3", Map.of("n", 4));
		}
		finally {
			span.end();
		}
		this.mongo.insert(new Parcel("p-3", "sent", List.of(traced)), "parcels").block();
		this.outbox.wake();

		ConsumerRecord<String, String> record = consume("p-3", 1).get(0);
		assertThat(header(record, "traceparent")).startsWith("00-" + span.context().traceId() + "-");
	}

	/** The ids of the events still in a document's outbox. */
	private List<String> pendingIds(String collection, String id) {
		return this.mongo.findById(id, Document.class, collection)
			.block()
			.getList(OutboxEvent.FIELD, Document.class)
			.stream()
			.map((event) -> event.getString("_id"))
			.toList();
	}

	private List<ConsumerRecord<String, String>> consume(int count) {
		return consume(count == 1 ? "p-2" : "p-1", count);
	}

	private List<ConsumerRecord<String, String>> consume(String key, int count) {
		Map<String, Object> props = KafkaTestUtils.consumerProps(this.broker, "verifier-" + key, false);
		props.put("auto.offset.reset", "earliest");
		try (Consumer<String, String> consumer = new DefaultKafkaConsumerFactory<String, String>(props,
				new org.apache.kafka.common.serialization.StringDeserializer(),
				new org.apache.kafka.common.serialization.StringDeserializer())
			.createConsumer()) {
			this.broker.consumeFromAnEmbeddedTopic(consumer, "parcels.sent");
			List<ConsumerRecord<String, String>> all = new ArrayList<>();
			await().atMost(Duration.ofSeconds(20)).until(() -> {
				KafkaTestUtils.getRecords(consumer, Duration.ofMillis(500)).forEach(all::add);
				return all.stream().filter((r) -> r.key().equals(key)).count() >= count;
			});
			return all.stream().filter((r) -> r.key().equals(key)).toList();
		}
	}

	private static String header(ConsumerRecord<String, String> record, String name) {
		return new String(record.headers().lastHeader(name).value());
	}

	record Parcel(@Id String id, String state, List<OutboxEvent> outbox) {
	}

	@SpringBootApplication
	static class RelayTestApplication {

	}

}
