package org.misinfodesk.triage;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

import org.springframework.kafka.core.DefaultKafkaConsumerFactory;

import static org.awaitility.Awaitility.await;

/** Reads what the service published, from the start of a topic, keeping the records of one key. */
final class RecordedEvents {

	private RecordedEvents() {
	}

	static List<ConsumerRecord<String, String>> published(String bootstrapServers, String topic, String key,
			int count) {
		Map<String, Object> props = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ConsumerConfig.GROUP_ID_CONFIG, "verifier-" + UUID.randomUUID(),
				ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		try (Consumer<String, String> consumer = new DefaultKafkaConsumerFactory<String, String>(props,
				new StringDeserializer(), new StringDeserializer())
			.createConsumer()) {
			consumer.subscribe(List.of(topic));
			List<ConsumerRecord<String, String>> matching = new ArrayList<>();
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				consumer.poll(Duration.ofMillis(500)).forEach((record) -> {
					if (key.equals(record.key())) {
						matching.add(record);
					}
				});
				return matching.size() >= count;
			});
			return matching;
		}
	}

	static String header(ConsumerRecord<String, String> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

}
