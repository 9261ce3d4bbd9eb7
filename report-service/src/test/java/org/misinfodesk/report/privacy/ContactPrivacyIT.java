package org.misinfodesk.report.privacy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.misinfodesk.platform.test.CloudEventRecords;
import org.misinfodesk.platform.test.Contracts;
import org.misinfodesk.report.RunningService;
import org.misinfodesk.report.evidence.EvidenceSamples;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.web.reactive.function.BodyInserters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.misinfodesk.report.ReportBodies.aHealthRumour;

/**
 * A consenting reporter's name, email and phone go through the JSON API, the multipart API and a
 * status email; none of them may appear in any Kafka record or any log line.
 */
class ContactPrivacyIT extends RunningService {

	static final String NAME = "Phạm Quỳnh Anh";

	static final String EMAIL = "quynhanh.pham.riengtu@example.vn";

	static final String PHONE = "0913 579 246";

	@Autowired
	JsonMapper json;

	final ListAppender<ILoggingEvent> logs = new ListAppender<>();

	final List<Logger> loud = new ArrayList<>();

	@BeforeEach
	void captureLogs() {
		LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
		this.logs.setContext(context);
		this.logs.start();
		context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(this.logs);
		for (String name : List.of("org.misinfodesk", "org.springframework.web", "org.springframework.http",
				"org.springframework.kafka", "org.springframework.mail", "org.springframework.security")) {
			Logger logger = context.getLogger(name);
			logger.setLevel(Level.DEBUG);
			this.loud.add(logger);
		}
	}

	@AfterEach
	void stopCapturing() {
		LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
		context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(this.logs);
		this.loud.forEach((logger) -> logger.setLevel(null));
	}

	@Test
	void neverWritesAReportersContactToKafkaOrToTheLog() throws Exception {
		Map<String, Object> reporter = Map.of("name", NAME, "email", EMAIL, "phone", PHONE, "contactConsent", true);
		Map<String, Object> json = aHealthRumour();
		json.put("reporter", reporter);
		Submitted byJson = submit(json);
		MultipartBodyBuilder parts = new MultipartBodyBuilder();
		parts.part("report", json, MediaType.APPLICATION_JSON);
		parts.part("evidence", new ByteArrayResource(EvidenceSamples.aPhotoWithGpsExif())).filename("IMG_1.jpg");
		Submitted byMultipart = this.web.post()
			.uri("/api/v1/reports")
			.body(BodyInserters.fromMultipartData(parts.build()))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Submitted.class)
			.returnResult()
			.getResponseBody();
		// a refused one too: its details must not leak through the error path either
		Map<String, Object> refused = aHealthRumour();
		refused.put("sourceUrl", "ftp://x");
		refused.put("reporter", reporter);
		this.web.post().uri("/api/v1/reports").contentType(MediaType.APPLICATION_JSON).bodyValue(refused).exchange()
			.expectStatus().isBadRequest();
		send(CloudEventRecords.of("reports.status-changed", "org.misinfodesk.report.status-changed.v1", byJson.id(),
				change(byJson.id())));
		await().atMost(PATIENCE).until(() -> Arrays.stream(MAIL.getReceivedMessages())
			.anyMatch((mail) -> subjectOf(mail).contains(byJson.trackingCode())));

		List<String> records = allRecords(byJson.id(), byMultipart.id());
		assertThat(records).as("records of both reports and the status change").hasSizeGreaterThanOrEqualTo(3);
		List<String> lines = this.logs.list.stream().map((event) -> event.getFormattedMessage()
				+ (event.getThrowableProxy() == null ? "" : " " + event.getThrowableProxy().getMessage()))
			.toList();
		assertThat(lines).as("captured log lines").isNotEmpty()
			.anySatisfy((line) -> assertThat(line).contains(byJson.id()));
		for (String secret : List.of(NAME, "Quỳnh Anh", EMAIL, "quynhanh", PHONE, "579 246", "913579246")) {
			assertThat(records).noneMatch((record) -> record.contains(secret));
			assertThat(lines).noneMatch((line) -> line.contains(secret));
		}
	}

	/** Every record on the service's topics, values and headers, once both reports are published. */
	private List<String> allRecords(String... keys) {
		Map<String, Object> props = KafkaTestUtils.consumerProps(this.broker, "privacy-" + UUID.randomUUID(), false);
		props.put("auto.offset.reset", "earliest");
		List<String> found = new ArrayList<>();
		List<String> seenKeys = new ArrayList<>();
		try (Consumer<String, String> consumer = new DefaultKafkaConsumerFactory<>(props, new StringDeserializer(),
				new StringDeserializer())
			.createConsumer()) {
			this.broker.consumeFromEmbeddedTopics(consumer, "reports.submitted", "reports.status-changed");
			await().atMost(PATIENCE).until(() -> {
				for (ConsumerRecord<String, String> record : KafkaTestUtils.getRecords(consumer, Duration.ofMillis(500))) {
					StringBuilder text = new StringBuilder(String.valueOf(record.key())).append(' ').append(record.value());
					for (Header header : record.headers()) {
						text.append(' ').append(header.key()).append('=').append(new String(header.value()));
					}
					found.add(text.toString());
					seenKeys.add(record.topic() + "/" + record.key());
				}
				return seenKeys.contains("reports.submitted/" + keys[0]) && seenKeys.contains("reports.submitted/" + keys[1]);
			});
		}
		return found;
	}

	private static String subjectOf(jakarta.mail.internet.MimeMessage mail) {
		try {
			return String.valueOf(mail.getSubject());
		}
		catch (jakarta.mail.MessagingException ex) {
			return "";
		}
	}

	private String change(String reportId) {
		ObjectNode example = (ObjectNode) this.json.readTree(Contracts.example("org.misinfodesk.report.status-changed.v1"));
		example.put("reportId", reportId);
		example.put("changedAt", Instant.now().toString());
		return this.json.writeValueAsString(example);
	}

}
