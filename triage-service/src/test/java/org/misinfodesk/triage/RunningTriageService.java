package org.misinfodesk.triage;

import java.time.Duration;
import java.util.UUID;

import org.misinfodesk.platform.test.CloudEventRecords;
import org.misinfodesk.platform.test.EmbeddedMongo;
import org.misinfodesk.triage.clustering.ClusterKeys;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.awaitility.Awaitility.await;

/**
 * The service on a random port with an embedded broker and store. Every IT class extends this
 * unchanged, so they all share one Spring context; each test works on its own fresh reports.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
				"misinfodesk.kafka.partitions=1", "misinfodesk.kafka.retries=1",
				"misinfodesk.kafka.retry-backoff=200ms",
				"misinfodesk.queue.keep-alive=5s",
				// Tests mark deadlines themselves, at the instants they choose.
				"misinfodesk.deadlines.scan-every=1h",
				"misinfodesk.evidence.username=triage", "misinfodesk.evidence.password=s3cret",
				"misinfodesk.evidence.response-timeout=1s",
				"misinfodesk.security.users[0].username=analyst",
				"misinfodesk.security.users[0].password={noop}analyst",
				"misinfodesk.security.users[0].roles[0]=ANALYST",
				"misinfodesk.security.users[1].username=analyst2",
				"misinfodesk.security.users[1].password={noop}analyst2",
				"misinfodesk.security.users[1].roles[0]=ANALYST",
				"misinfodesk.security.users[2].username=supervisor",
				"misinfodesk.security.users[2].password={noop}supervisor",
				"misinfodesk.security.users[2].roles[0]=SUPERVISOR",
				"misinfodesk.security.users[3].username=admin",
				"misinfodesk.security.users[3].password={noop}admin",
				"misinfodesk.security.users[3].roles[0]=ADMIN" })
@EmbeddedKafka(partitions = 1,
		topics = { "reports.submitted", "reports.status-changed", "cases.routed", "agency.responses",
				"cases.overdue" })
abstract class RunningTriageService {

	static final String ANALYST = "analyst";

	static final String ANALYST_2 = "analyst2";

	static final String SUPERVISOR = "supervisor";

	/**
	 * The open queue up to misinfodesk.queue.max-listed: the tests share one store, so a test's case
	 * may be further down than the first page.
	 */
	static final String WHOLE_QUEUE = "/api/v1/cases?limit=500";

	static final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	KafkaTemplate<String, String> kafka;

	@Autowired
	EmbeddedKafkaBroker broker;

	/**
	 * Watched by the tests that count what the intake files (here, so that every IT class still
	 * shares one context: a second one would consume the same topics in the same group).
	 */
	@MockitoSpyBean
	ClusterKeys keys;

	@DynamicPropertySource
	static void store(DynamicPropertyRegistry registry) {
		registry.add("spring.mongodb.uri", () -> EmbeddedMongo.uri("triage-it"));
		registry.add("misinfodesk.evidence.base-url", ReportServiceStandIn::baseUrl);
	}

	WebTestClient anonymous() {
		return WebTestClient.bindToServer()
			.baseUrl("http://127.0.0.1:" + this.port)
			.responseTimeout(Duration.ofSeconds(30))
			.build();
	}

	/** A client with the user's HTTP Basic credentials (each test user's password is its name). */
	WebTestClient as(String user) {
		return anonymous().mutate().defaultHeaders((headers) -> headers.setBasicAuth(user, user)).build();
	}

	static String freshReportId() {
		return UUID.randomUUID().toString();
	}

	/** Publishes the report as report-service would and waits for its case; returns the case id. */
	String submit(String report) {
		String reportId = ReportEvents.reportIdOf(report);
		send(CloudEventRecords.of("reports.submitted", ReportEvents.TYPE, reportId, report));
		String caseId = "c-" + reportId;
		awaitCase(caseId);
		return caseId;
	}

	void send(org.apache.kafka.clients.producer.ProducerRecord<String, String> record) {
		try {
			this.kafka.send(record).get();
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not publish a test event", ex);
		}
	}

	void awaitCase(String caseId) {
		await().atMost(Duration.ofSeconds(30))
			.until(() -> as(ANALYST).get()
				.uri("/api/v1/cases/{id}", caseId)
				.exchange()
				.returnResult(String.class)
				.getStatus() == HttpStatus.OK);
	}

	JsonNode caseOf(String caseId) {
		return body(as(ANALYST).get().uri("/api/v1/cases/{id}", caseId).exchange().expectStatus().isOk());
	}

	JsonNode claim(String caseId, String analyst) {
		return body(as(analyst).post().uri("/api/v1/cases/{id}/claim", caseId).exchange().expectStatus().isOk());
	}

	static JsonNode body(WebTestClient.ResponseSpec response) {
		byte[] bytes = response.expectBody().returnResult().getResponseBody();
		return json.readTree(bytes);
	}

}
