package org.misinfodesk.report;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.misinfodesk.platform.test.EmbeddedMongo;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.awaitility.Awaitility.await;

/**
 * The whole service on a random port, with an embedded Kafka broker and an in-memory MongoDB-wire
 * store; every integration test shares one such context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
				"misinfodesk.abuse.submissions-per-client=" + RunningService.SUBMISSIONS_PER_CLIENT,
				"misinfodesk.abuse.trusted-proxies=127.0.0.1,0:0:0:0:0:0:0:1",
				"misinfodesk.abuse.banned-contacts=spam.lua.dao@example.vn,0901 234 567" })
@Import(DistinctClients.class)
@EmbeddedKafka(topics = { "reports.submitted", "reports.status-changed" }, partitions = 3)
@AutoConfigureWebTestClient(timeout = "30s")
public abstract class RunningService {

	protected static final Duration PATIENCE = Duration.ofSeconds(30);

	protected static final int SUBMISSIONS_PER_CLIENT = 6;

	/** The header through which the tests, as a trusted proxy, name the client a request comes from. */
	protected static final String CLIENT = "X-Forwarded-For";

	@Autowired
	protected WebTestClient web;

	@Autowired
	protected EmbeddedKafkaBroker broker;

	@Autowired
	protected KafkaTemplate<String, String> kafka;

	/** The mail catcher every status email of the shared context goes to. */
	protected static final GreenMail MAIL = startMail();

	@DynamicPropertySource
	static void store(DynamicPropertyRegistry registry) {
		registry.add("spring.mongodb.uri", () -> EmbeddedMongo.uri("reports-it"));
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
		registry.add("misinfodesk.status-mail.poll-interval", () -> "200ms");
		registry.add("misinfodesk.status-mail.first-retry", () -> "500ms");
	}

	private static GreenMail startMail() {
		GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
		mail.start();
		return mail;
	}

	/** Sends a report that must be accepted. */
	protected Submitted submit(Map<String, Object> body) {
		return this.web.post()
			.uri("/api/v1/reports")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Submitted.class)
			.returnResult()
			.getResponseBody();
	}

	/** Waits for the record with {@code key} on {@code topic}. */
	protected ConsumerRecord<String, String> recordOn(String topic, String key) {
		Map<String, Object> props = KafkaTestUtils.consumerProps(this.broker, "verifier-" + UUID.randomUUID(), false);
		props.put("auto.offset.reset", "earliest");
		try (Consumer<String, String> consumer = new DefaultKafkaConsumerFactory<>(props, new StringDeserializer(),
				new StringDeserializer())
			.createConsumer()) {
			this.broker.consumeFromAnEmbeddedTopic(consumer, topic);
			List<ConsumerRecord<String, String>> found = new ArrayList<>();
			await().atMost(PATIENCE).until(() -> {
				KafkaTestUtils.getRecords(consumer, Duration.ofMillis(500))
					.forEach((record) -> {
						if (key.equals(record.key())) {
							found.add(record);
						}
					});
				return !found.isEmpty();
			});
			return found.get(0);
		}
	}

	protected void send(ProducerRecord<String, String> record) throws Exception {
		this.kafka.send(record).get();
	}

	/** The answer to an accepted report. */
	public record Submitted(String id, String trackingCode, String status, String submittedAt) {
	}

}
