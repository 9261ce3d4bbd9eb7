package org.misinfodesk.platform.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.misinfodesk.platform.events.CloudEventHeaders;
import org.misinfodesk.platform.problem.ProblemException;

import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * Lists what this service's consumers parked in their dead-letter topics and sends a record back
 * to its original topic once the cause is fixed. Consumers deduplicate on {@code ce_id}, so
 * replaying twice does no harm.
 */
public class DeadLetterBox {

	static final String REPLAYED_FROM = "misinfodesk-replayed-from";

	private static final Duration POLL = Duration.ofMillis(500);

	private final ConsumerFactory<String, String> consumers;

	private final KafkaTemplate<String, String> kafka;

	private final KafkaSettings settings;

	public DeadLetterBox(ConsumerFactory<String, String> consumers, KafkaTemplate<String, String> kafka,
			KafkaSettings settings) {
		this.consumers = consumers;
		this.kafka = kafka;
		this.settings = settings;
	}

	/** The oldest {@code limit} records parked for {@code topic} (one of this service's topics). */
	public List<DeadLetter> list(String topic, int limit) {
		String dlt = deadLetterTopicOf(topic);
		try (Consumer<String, String> consumer = inspector()) {
			List<TopicPartition> partitions = consumer.partitionsFor(dlt, Duration.ofSeconds(10))
				.stream()
				.map((info) -> new TopicPartition(dlt, info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(10));
			List<DeadLetter> letters = new ArrayList<>();
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
			while (letters.size() < limit && !reachedEnd(consumer, ends) && System.nanoTime() < deadline) {
				for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
					if (letters.size() < limit) {
						letters.add(toLetter(record));
					}
				}
			}
			return letters;
		}
	}

	/** Sends one parked record back to the topic it came from, headers and key unchanged. */
	public DeadLetter replay(String topic, int partition, long offset) {
		String dlt = deadLetterTopicOf(topic);
		ConsumerRecord<String, String> parked = read(new TopicPartition(dlt, partition), offset);
		DeadLetter letter = toLetter(parked);
		var replayed = new ProducerRecord<String, String>(letter.originalTopic(), parked.key(), parked.value());
		for (Header header : parked.headers()) {
			if (!header.key().startsWith("kafka_dlt")) {
				replayed.headers().add(header);
			}
		}
		replayed.headers()
			.add(REPLAYED_FROM, (dlt + "/" + partition + "/" + offset).getBytes(StandardCharsets.UTF_8));
		this.kafka.send(replayed).join();
		return letter;
	}

	private ConsumerRecord<String, String> read(TopicPartition partition, long offset) {
		try (Consumer<String, String> consumer = inspector()) {
			consumer.assign(List.of(partition));
			long end = consumer.endOffsets(List.of(partition), Duration.ofSeconds(10)).get(partition);
			if (offset < 0 || offset >= end) {
				throw ProblemException.notFound("dead letter", partition.topic() + "/" + partition.partition() + "/" + offset);
			}
			consumer.seek(partition, offset);
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
			while (System.nanoTime() < deadline) {
				for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
					if (record.offset() == offset) {
						return record;
					}
				}
			}
			throw ProblemException.notFound("dead letter", partition.topic() + "/" + partition.partition() + "/" + offset);
		}
	}

	private String deadLetterTopicOf(String topic) {
		if (!this.settings.topics().contains(topic)) {
			throw ProblemException.notFound("topic", topic);
		}
		return topic + KafkaSettings.DEAD_LETTER_SUFFIX;
	}

	private Consumer<String, String> inspector() {
		var overrides = new Properties();
		overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
		return this.consumers.createConsumer(null, "dead-letter-inspector", null, overrides);
	}

	private static boolean reachedEnd(Consumer<String, String> consumer, Map<TopicPartition, Long> ends) {
		return ends.entrySet().stream().allMatch((end) -> consumer.position(end.getKey()) >= end.getValue());
	}

	private static DeadLetter toLetter(ConsumerRecord<String, String> record) {
		String original = header(record, KafkaHeaders.DLT_ORIGINAL_TOPIC);
		return new DeadLetter(record.topic(), record.partition(), record.offset(),
				original != null ? original : record.topic().replace(KafkaSettings.DEAD_LETTER_SUFFIX, ""), record.key(),
				header(record, CloudEventHeaders.ID), header(record, CloudEventHeaders.TYPE),
				header(record, KafkaHeaders.DLT_EXCEPTION_MESSAGE), Instant.ofEpochMilli(record.timestamp()),
				record.value());
	}

	private static String header(ConsumerRecord<String, String> record, String name) {
		Header header = record.headers().lastHeader(name);
		return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
	}

}
