package org.misinfodesk.notification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.misinfodesk.platform.test.CloudEventRecords;
import org.misinfodesk.platform.test.EmbeddedMongo;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
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
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFunction;

/**
 * The service as it runs, in the local profile, against an embedded broker and store, a real SMTP
 * server and a real webhook receiver. Every IT extends this class so they all share one Spring
 * context; each test uses its own case ids, receiver paths and agencies to stay apart.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
		properties = { "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
				"misinfodesk.deliveries.poll-interval=200ms",
				"misinfodesk.deliveries.backoff=200ms,200ms,200ms", "misinfodesk.outbox.poll-interval=200ms",
				"misinfodesk.deliveries.metrics-interval=200ms", "misinfodesk.webhooks.disable-after=" + RunningService.DISABLE_AFTER_SECONDS + "s",
				"misinfodesk.webhooks.rotation-overlap=1h" })
@EmbeddedKafka(topics = { "cases.routed", "cases.routed.dlt", "cases.overdue", "agency.responses" }, partitions = 3)
@AutoConfigureWebTestClient
@Import({ TestDns.class, TestClock.class })
abstract class RunningService {

	/** A host name only this test's resolver knows: reaching it proves the send used the checked address. */
	static final String PINNED_HOST = "receiver.misinfodesk.test";

	static final Duration PATIENCE = Duration.ofSeconds(30);

	/**
	 * How long an endpoint may fail before it is disabled: far longer than a test's four quick
	 * attempts take even on a loaded machine, short enough for the test that waits it out.
	 */
	static final int DISABLE_AFTER_SECONDS = 8;

	static final int SMTP_PORT = freePort();

	/** The service's port, known before it starts, so its links lead back to it and a browser can follow them. */
	static final int HTTP_PORT = freePort();

	static final String BASE_URL = "http://127.0.0.1:" + HTTP_PORT;

	static final String ACK_BASE = BASE_URL + "/acknowledgements/";

	@RegisterExtension
	static final GreenMailExtension mail = new GreenMailExtension(
			new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
		.withPerMethodLifecycle(false);

	static final WebhookReceiver receiver = WebhookReceiver.start();

	static final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	WebTestClient web;

	@Autowired
	KafkaTemplate<String, String> kafka;

	@Autowired
	EmbeddedKafkaBroker broker;

	/**
	 * The machine running the tests may be busy: answers get the same patience as everything else.
	 * An answer still missing after {@link #STALL} is not load: every thread's stack goes to the
	 * output, to show where the request waits.
	 */
	@BeforeEach
	void patientClient() {
		this.web = this.web.mutate().responseTimeout(Duration.ofSeconds(90)).filter(RunningService::watched).build();
	}

	static final Duration STALL = Duration.ofSeconds(20);

	private static Mono<ClientResponse> watched(ClientRequest request, ExchangeFunction next) {
		return Mono.defer(() -> {
			Disposable watchdog = Mono.delay(STALL)
				.subscribe((tick) -> System.err.println("No answer to " + request.method() + " " + request.url()
						+ " after " + STALL.toSeconds() + " s; the threads:\n" + threadDump()));
			return next.exchange(request).doFinally((signal) -> watchdog.dispose());
		});
	}

	private static String threadDump() {
		StringBuilder dump = new StringBuilder();
		for (ThreadInfo thread : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
			dump.append('"').append(thread.getThreadName()).append("\" ").append(thread.getThreadState());
			if (thread.getLockName() != null) {
				dump.append(" on ").append(thread.getLockName());
			}
			if (thread.getLockOwnerName() != null) {
				dump.append(" held by \"").append(thread.getLockOwnerName()).append('"');
			}
			dump.append('\n');
			for (StackTraceElement frame : thread.getStackTrace()) {
				dump.append("\tat ").append(frame).append('\n');
			}
			dump.append('\n');
		}
		return dump.toString();
	}

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		registry.add("spring.mongodb.uri", () -> EmbeddedMongo.uri("notification-it"));
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP_PORT);
		registry.add("server.port", () -> HTTP_PORT);
		registry.add("misinfodesk.public-base-url", () -> BASE_URL);
	}

	/** The test client with room for big answers, such as every metric of a service that ran many tests. */
	WebTestClient roomyWeb() {
		return this.web.mutate().codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024)).build();
	}

	void publish(String topic, String type, String key, String body) {
		try {
			this.kafka.send(CloudEventRecords.of(topic, type, key, body)).get(10, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not publish to " + topic, ex);
		}
	}

	void publish(String eventId, String topic, String type, String key, String body) {
		try {
			this.kafka.send(CloudEventRecords.withId(eventId, topic, type, key, body)).get(10, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not publish to " + topic, ex);
		}
	}

	/** Emails to one address. */
	static List<MimeMessage> emailsTo(String address) {
		return Arrays.stream(mail.getReceivedMessages()).filter((message) -> sentTo(message, address)).toList();
	}

	static boolean sentTo(MimeMessage message, String address) {
		try {
			return Arrays.stream(message.getAllRecipients())
				.anyMatch((recipient) -> recipient.toString().equalsIgnoreCase(address));
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The plain-text part of an email. */
	static String textOf(MimeMessage message) {
		return partOf(message, "text/plain");
	}

	/** The HTML part of an email. */
	static String htmlOf(MimeMessage message) {
		return partOf(message, "text/html");
	}

	private static String partOf(Part part, String type) {
		try {
			if (part.isMimeType(type)) {
				return (String) part.getContent();
			}
			if (part.isMimeType("multipart/*")) {
				Multipart multipart = (Multipart) part.getContent();
				for (int i = 0; i < multipart.getCount(); i++) {
					String found = partOf(multipart.getBodyPart(i), type);
					if (found != null) {
						return found;
					}
				}
			}
			return null;
		}
		catch (MessagingException | IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Registers a webhook as admin; returns the answer, secret included. */
	JsonNode registerWebhook(String agencyId, String url) {
		byte[] body = this.web.post()
			.uri("/api/v1/agencies/{agencyId}/webhooks", agencyId)
			.headers((headers) -> headers.setBasicAuth("admin", "admin"))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("url", url, "description", "Hệ thống tiếp nhận của " + agencyId))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody()
			.returnResult()
			.getResponseBody();
		return json.readTree(body);
	}

	void publishRouted(String caseId, String body) {
		publishRouted(UUID.randomUUID().toString(), caseId, body);
	}

	void publishRouted(String eventId, String caseId, String body) {
		try {
			this.kafka.send(CloudEventRecords.withId(eventId, "cases.routed", RoutedCaseEvents.TYPE, caseId, body))
				.get(10, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not publish the routed case", ex);
		}
	}

	JsonNode deliveriesOf(String caseId) {
		byte[] body = this.web.get()
			.uri("/api/v1/deliveries?caseId={caseId}", caseId)
			.headers((headers) -> headers.setBasicAuth("supervisor", "supervisor"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBody();
		return json.readTree(body).get("items");
	}

	/** Emails whose subject names the case. */
	static List<MimeMessage> emailsAbout(String caseId) {
		List<MimeMessage> found = new ArrayList<>();
		for (MimeMessage message : mail.getReceivedMessages()) {
			try {
				if (message.getSubject().contains(caseId)) {
					found.add(message);
				}
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return found;
	}

	/** Standard Webhooks v1, computed here independently of the service's own signing code. */
	static String expectedSignature(String secret, String webhookId, String timestamp, String body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
			return "v1," + Base64.getEncoder()
				.encodeToString(mac.doFinal((webhookId + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A consumer of one topic from its beginning. */
	Consumer<String, String> consumer(String topic) {
		Map<String, Object> props = KafkaTestUtils.consumerProps(this.broker, "it-" + UUID.randomUUID(), false);
		props.put("auto.offset.reset", "earliest");
		Consumer<String, String> consumer = new DefaultKafkaConsumerFactory<>(props, new StringDeserializer(),
				new StringDeserializer())
			.createConsumer();
		this.broker.consumeFromAnEmbeddedTopic(consumer, topic);
		return consumer;
	}

	static List<ConsumerRecord<String, String>> poll(Consumer<String, String> consumer) {
		List<ConsumerRecord<String, String>> records = new ArrayList<>();
		KafkaTestUtils.getRecords(consumer, Duration.ofMillis(300)).forEach(records::add);
		return records;
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
