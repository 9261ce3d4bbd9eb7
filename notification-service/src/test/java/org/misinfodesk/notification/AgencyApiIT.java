package org.misinfodesk.notification;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.misinfodesk.platform.test.Contracts;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An agency's own system with the API key an administrator created for it: it lists the cases
 * routed to its agency, acknowledges one and reports its outcome, through the same records and
 * events as the link in an alert.
 */
class AgencyApiIT extends RunningService {

	static final String RESPONDED = "org.misinfodesk.agency.responded.v1";

	@Autowired
	ReactiveMongoTemplate mongo;

	@Test
	void anAdminCreatesAKeyShownOnceListsItWithoutTheKeyAndRevokesIt() throws Exception {
		JsonNode created = createKey("so-tai-chinh");
		String key = created.get("key").asString();
		String id = created.get("id").asString();
		assertThat(key).matches("mdk_[A-Za-z0-9_-]{43}");
		assertThat(created.get("agencyId").asString()).isEqualTo("so-tai-chinh");
		assertThat(created.get("createdAt").asString()).isNotBlank();

		String listed = this.web.get()
			.uri("/api/v1/agencies/so-tai-chinh/api-keys")
			.headers((headers) -> headers.setBasicAuth("admin", "admin"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(listed).contains(id).doesNotContain(key).doesNotContain("\"key\"").doesNotContain("hash");
		Document stored = this.mongo.getCollection("agency-api-keys")
			.flatMap((collection) -> Mono.from(collection.find(new Document("_id", id)).first()))
			.block(PATIENCE);
		assertThat(stored.toJson()).doesNotContain(key.substring(4));
		assertThat(stored.getString("hash")).isEqualTo(HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8))));

		agency(key).get().uri("/api/v1/agency/cases").exchange().expectStatus().isOk();
		this.web.delete()
			.uri("/api/v1/agencies/so-tai-chinh/api-keys/{id}", id)
			.headers((headers) -> headers.setBasicAuth("admin", "admin"))
			.exchange()
			.expectStatus()
			.isNoContent();

		expectRefused(agency(key).get().uri("/api/v1/agency/cases").exchange());
		assertThat(this.web.get()
			.uri("/api/v1/agencies/so-tai-chinh/api-keys")
			.headers((headers) -> headers.setBasicAuth("admin", "admin"))
			.exchange()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody()
			.get("items")
			.valueStream()
			.filter((item) -> item.get("id").asString().equals(id))
			.findFirst()
			.orElseThrow()
			.get("revoked")
			.asBoolean()).isTrue();
		this.web.delete()
			.uri("/api/v1/agencies/so-tai-chinh/api-keys/ak_none")
			.headers((headers) -> headers.setBasicAuth("admin", "admin"))
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	@Test
	void anAgencysSystemListsItsOpenCasesAcknowledgesOneAndReportsItsOutcomeOnce() {
		String caseId = RoutedCaseEvents.newCaseId();
		publishRouted(caseId, RoutedCaseEvents.routedTo(caseId, "ubnd-phuong-phu-ly", "Ủy ban nhân dân phường Phủ Lý"));
		await().atMost(PATIENCE).until(() -> emailsAbout(caseId).size() == 1);
		WebTestClient system = agency(createKey("ubnd-phuong-phu-ly").get("key").asString());

		JsonNode open = caseIn(system, "open", caseId);
		assertThat(open.get("routing").asInt()).isEqualTo(1);
		assertThat(open.get("acknowledged").asBoolean()).isFalse();
		assertThat(open.get("resolved").asBoolean()).isFalse();
		assertThat(open.get("dueAt").asString()).isEqualTo("2026-11-28T02:10:00Z");
		assertThat(open.get("routedAt").asString()).isNotBlank();
		assertThat(open.get("summary").asString()).isEqualTo(RoutedCaseEvents.EXAMPLE_SUMMARY);

		try (Consumer<String, String> consumer = consumer("agency.responses")) {
			JsonNode acknowledged = post(system, "/api/v1/agency/cases/{caseId}/acknowledgement", caseId,
					Map.of("note", "Đã tiếp nhận qua hệ thống một cửa."));
			assertThat(acknowledged.get("response").asString()).isEqualTo("ACKNOWLEDGED");
			JsonNode again = post(system, "/api/v1/agency/cases/{caseId}/acknowledgement", caseId, Map.of("note", "Lần hai"));
			assertThat(again.get("acknowledgedAt").asString()).isEqualTo(acknowledged.get("acknowledgedAt").asString());
			assertThat(caseIn(system, "open", caseId).get("acknowledged").asBoolean()).isTrue();

			JsonNode resolved = post(system, "/api/v1/agency/cases/{caseId}/outcome", caseId,
					Map.of("outcome", "REMOVED", "publicNote", "Bài viết đã bị gỡ theo yêu cầu của phường."));
			assertThat(resolved.get("response").asString()).isEqualTo("RESOLVED");
			assertThat(resolved.get("outcome").asString()).isEqualTo("REMOVED");
			post(system, "/api/v1/agency/cases/{caseId}/outcome", caseId, Map.of("outcome", "CORRECTED"));

			List<ConsumerRecord<String, String>> responses = new ArrayList<>();
			await().atMost(PATIENCE).until(() -> {
				poll(consumer).stream().filter((record) -> caseId.equals(record.key())).forEach(responses::add);
				return responses.size() >= 2;
			});
			await().during(Duration.ofSeconds(3)).atMost(PATIENCE).until(() -> {
				poll(consumer).stream().filter((record) -> caseId.equals(record.key())).forEach(responses::add);
				return responses.size() == 2;
			});
			responses.forEach((record) -> Contracts.assertValid(RESPONDED, record.value()));
			List<JsonNode> events = responses.stream().map((record) -> json.readTree(record.value())).toList();
			assertThat(events).extracting((event) -> event.get("response").asString())
				.containsExactly("ACKNOWLEDGED", "RESOLVED");
			assertThat(events.get(0).get("note").asString()).isEqualTo("Đã tiếp nhận qua hệ thống một cửa.");
			assertThat(events.get(1).get("note").asString()).isEqualTo("Bài viết đã bị gỡ theo yêu cầu của phường.");
			assertThat(events).allSatisfy(
					(event) -> assertThat(event.get("agencyId").asString()).isEqualTo("ubnd-phuong-phu-ly"));
		}

		assertThat(listed(system, "open")).noneMatch((item) -> item.get("caseId").asString().equals(caseId));
		assertThat(caseIn(system, "resolved", caseId).get("publicNote").asString())
			.isEqualTo("Bài viết đã bị gỡ theo yêu cầu của phường.");
	}

	@Test
	void aCaseRoutedToAnotherAgencyIsUnknownToTheKeysAgency() {
		String caseId = RoutedCaseEvents.newCaseId();
		publishRouted(caseId, RoutedCaseEvents.routedTo(caseId, "ubnd-phuong-phu-ly", "Ủy ban nhân dân phường Phủ Lý"));
		await().atMost(PATIENCE).until(() -> emailsAbout(caseId).size() == 1);
		WebTestClient police = agency(createKey("cong-an-tinh").get("key").asString());

		assertThat(listed(police, "all")).noneMatch((item) -> item.get("caseId").asString().equals(caseId));
		for (String path : List.of("/api/v1/agency/cases/{caseId}/acknowledgement", "/api/v1/agency/cases/{caseId}/outcome")) {
			police.post()
				.uri(path, caseId)
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("outcome", "REMOVED"))
				.exchange()
				.expectStatus()
				.isNotFound()
				.expectHeader()
				.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("https://misinfodesk.org/problems/unknown-case");
		}
	}

	@Test
	void refusedInputIsA400WithTheFieldItConcerns() {
		String caseId = RoutedCaseEvents.newCaseId();
		publishRouted(caseId, RoutedCaseEvents.routedTo(caseId, "ubnd-phuong-phu-ly", "Ủy ban nhân dân phường Phủ Lý"));
		await().atMost(PATIENCE).until(() -> emailsAbout(caseId).size() == 1);
		WebTestClient system = agency(createKey("ubnd-phuong-phu-ly").get("key").asString());

		system.get().uri("/api/v1/agency/cases?state=closed").exchange().expectStatus().isBadRequest()
			.expectBody().jsonPath("$.errors[0].field").isEqualTo("state");
		system.post()
			.uri("/api/v1/agency/cases/{caseId}/outcome", caseId)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("outcome", "FIXED", "publicNote", "x".repeat(4001)))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field").isEqualTo("outcome")
			.jsonPath("$.errors[1].field").isEqualTo("publicNote");
		system.post()
			.uri("/api/v1/agency/cases/{caseId}/outcome", caseId)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{not json")
			.exchange()
			.expectStatus()
			.isBadRequest();
	}

	@Test
	void noKeyAStaffAccountOrAMadeUpKeyIsA401ProblemAskingForABearerKey() {
		expectRefused(this.web.get().uri("/api/v1/agency/cases").exchange());
		expectRefused(this.web.get()
			.uri("/api/v1/agency/cases")
			.headers((headers) -> headers.setBasicAuth("admin", "admin"))
			.exchange());
		expectRefused(agency("mdk_" + "A".repeat(43)).get().uri("/api/v1/agency/cases").exchange());
		expectRefused(agency("not a key at all").post().uri("/api/v1/agency/cases/c-1/acknowledgement").exchange());
	}

	@Test
	void theOpenApiDescriptionDocumentsTheAgencyApiWithItsBearerKey() {
		JsonNode api = roomyWeb().get()
			.uri("/v3/api-docs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
		assertThat(api.get("components").get("securitySchemes").get("agency-key").get("scheme").asString())
			.isEqualTo("bearer");
		JsonNode paths = api.get("paths");
		for (String path : List.of("/api/v1/agency/cases", "/api/v1/agency/cases/{caseId}/acknowledgement",
				"/api/v1/agency/cases/{caseId}/outcome")) {
			JsonNode operation = paths.get(path).valueStream().findFirst().orElseThrow();
			assertThat(operation.get("security").get(0).has("agency-key")).as(path).isTrue();
		}
		assertThat(paths.has("/api/v1/agencies/{agencyId}/api-keys")).isTrue();
		assertThat(paths.has("/api/v1/agencies/{agencyId}/api-keys/{keyId}")).isTrue();
	}

	private JsonNode createKey(String agencyId) {
		return this.web.post()
			.uri("/api/v1/agencies/{agencyId}/api-keys", agencyId)
			.headers((headers) -> headers.setBasicAuth("admin", "admin"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectHeader()
			.valueMatches(HttpHeaders.LOCATION, "/api/v1/agencies/" + agencyId + "/api-keys/ak_.+")
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
	}

	private WebTestClient agency(String key) {
		return this.web.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + key).build();
	}

	private static List<JsonNode> listed(WebTestClient system, String state) {
		return system.get()
			.uri("/api/v1/agency/cases?state={state}", state)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody()
			.get("items")
			.valueStream()
			.toList();
	}

	private static JsonNode caseIn(WebTestClient system, String state, String caseId) {
		return listed(system, state).stream()
			.filter((item) -> item.get("caseId").asString().equals(caseId))
			.findFirst()
			.orElseThrow(() -> new AssertionError(caseId + " is not listed as " + state));
	}

	private static JsonNode post(WebTestClient system, String path, String caseId, Map<String, String> body) {
		return system.post()
			.uri(path, caseId)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
	}

	private static void expectRefused(WebTestClient.ResponseSpec response) {
		response.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"misinfodesk-agency\"")
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://misinfodesk.org/problems/invalid-api-key");
	}

}
