package org.misinfodesk.triage;

import java.time.Duration;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.misinfodesk.platform.test.CloudEventRecords;
import org.misinfodesk.platform.test.Contracts;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The submit, claim and decide flow against real MongoDB and Apache Kafka images, so that the
 * queries and indexes run where mongo-java-server is not standing in. Skipped without Docker.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CasesOnRealMongoAndKafkaIT {

	@Container
	static final MongoDBContainer mongo = new MongoDBContainer("mongo:8.0");

	@Container
	static final KafkaContainer kafkaBroker = new KafkaContainer("apache/kafka:4.1.2");

	static final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	KafkaTemplate<String, String> kafka;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		registry.add("spring.mongodb.uri", () -> mongo.getReplicaSetUrl("triage"));
		registry.add("spring.kafka.bootstrap-servers", kafkaBroker::getBootstrapServers);
	}

	@Test
	void submittedReportIsClaimedDecidedAndRoutedOnRealInfrastructure() throws Exception {
		String reportId = UUID.randomUUID().toString();
		String caseId = "c-" + reportId;
		this.kafka.send(CloudEventRecords.of("reports.submitted", ReportEvents.TYPE, reportId,
				ReportEvents.aHealthRumour(reportId)))
			.get();
		await().atMost(Duration.ofSeconds(60))
			.until(() -> analyst().get()
				.uri("/api/v1/cases/{id}", caseId)
				.exchange()
				.returnResult(String.class)
				.getStatus() == HttpStatus.OK);
		analyst().get()
			.uri("/api/v1/cases")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.items[?(@.id == '" + caseId + "')].status")
			.isEqualTo("NEW");

		analyst().post().uri("/api/v1/cases/{id}/claim", caseId).exchange().expectStatus().isOk();
		analyst().post()
			.uri("/api/v1/cases/{id}/decision", caseId)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Decisions.fakeHealthRumourRoutedTo("so-y-te"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("ROUTED");

		ConsumerRecord<String, String> routed = RecordedEvents
			.published(kafkaBroker.getBootstrapServers(), "cases.routed", caseId, 1)
			.get(0);
		Contracts.assertValid("org.misinfodesk.case.routed.v1", routed.value());
		assertThat(json.readTree(routed.value()).get("routing").asInt()).isEqualTo(1);
		assertThat(RecordedEvents.published(kafkaBroker.getBootstrapServers(), "reports.status-changed", reportId, 2))
			.extracting((record) -> json.readTree(record.value()).get("status").asString())
			.containsExactly("IN_REVIEW", "FORWARDED");
	}

	private WebTestClient analyst() {
		return WebTestClient.bindToServer()
			.baseUrl("http://127.0.0.1:" + this.port)
			.responseTimeout(Duration.ofSeconds(30))
			.defaultHeaders((headers) -> headers.setBasicAuth("analyst", "analyst"))
			.build();
	}

}
