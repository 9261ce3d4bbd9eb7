package org.misinfodesk.bench.baseline;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.misinfodesk.bench.load.ReportBodies;
import org.misinfodesk.platform.test.EmbeddedMongo;

import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@EmbeddedKafka(topics = BaselineServerIT.TOPIC, partitions = 1)
class BaselineServerIT {

	static final String TOPIC = "bench.reports";

	@Test
	void onePostLeavesOneDocumentInTheStoreAndOneRecordOnTheTopic(EmbeddedKafkaBroker broker) throws Exception {
		String uri = EmbeddedMongo.uri("bench-it");
		String body = new ReportBodies(1, "it").next(0);
		try (BaselineServer server = new BaselineServer(0, uri, broker.getBrokersAsString(), TOPIC);
				MongoClient mongo = MongoClients.create(uri);
				KafkaConsumer<String, String> consumer = consumer(broker)) {
			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/v1/reports"))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(body))
					.timeout(Duration.ofSeconds(30))
					.build(), HttpResponse.BodyHandlers.ofString());

			assertThat(response.statusCode()).isEqualTo(201);
			String id = response.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
			List<Document> stored = mongo.getDatabase("bench-it")
				.getCollection(BaselineServer.COLLECTION)
				.find()
				.into(new ArrayList<>());
			assertThat(stored).singleElement().satisfies((doc) -> {
				assertThat(doc.getString("_id")).isEqualTo(id);
				assertThat(doc.getString("body")).isEqualTo(body);
			});
			List<ConsumerRecord<String, String>> records = new ArrayList<>();
			consumer.subscribe(List.of(TOPIC));
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> {
					consumer.poll(Duration.ofMillis(200)).forEach(records::add);
					assertThat(records).isNotEmpty();
				});
			consumer.poll(Duration.ofSeconds(1)).forEach(records::add);
			assertThat(records).singleElement().satisfies((record) -> {
				assertThat(record.key()).isEqualTo(id);
				assertThat(record.value()).isEqualTo(body);
			});
		}
	}

	@Test
	void theBaselineSendsWithTheServicesProducerSettings() {
		assertThat(BaselineServer.SERVICE_PRODUCER).containsAllEntriesOf(Map.of("acks", "all", "enable.idempotence",
				true, "linger.ms", 2));
	}

	private static KafkaConsumer<String, String> consumer(EmbeddedKafkaBroker broker) {
		Properties properties = new Properties();
		properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
		properties.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-it");
		properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
		properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
		return new KafkaConsumer<>(properties);
	}

}
