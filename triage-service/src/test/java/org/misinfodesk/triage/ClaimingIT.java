package org.misinfodesk.triage;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.misinfodesk.platform.test.Contracts;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

class ClaimingIT extends RunningTriageService {

	@Autowired
	ReactiveMongoTemplate mongo;

	@Test
	void analystClaimsAndASecondAnalystIsToldWhoHoldsTheCase() {
		String caseId = submit(ReportEvents.aHealthRumour(freshReportId()));

		JsonNode claimed = claim(caseId, ANALYST);
		assertThat(claimed.get("status").asString()).isEqualTo("IN_REVIEW");
		assertThat(claimed.get("claimedBy").asString()).isEqualTo(ANALYST);
		assertThat(claimed.get("claim").get("expiresAt").asString()).isNotBlank();

		as(ANALYST_2).post()
			.uri("/api/v1/cases/{id}/claim?lang=en", caseId)
			.exchange()
			.expectStatus()
			.isEqualTo(409)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://misinfodesk.org/problems/case-claimed")
			.jsonPath("$.detail")
			.value(String.class, (detail) -> assertThat(detail).startsWith("analyst holds this case until"));
	}

	@Test
	void simultaneousClaimsHaveExactlyOneWinner() {
		String caseId = submit(ReportEvents.aHealthRumour(freshReportId()));
		WebClient client = WebClient.create("http://127.0.0.1:" + this.port);

		List<Integer> statuses = Flux
			.merge(claimStatus(client, caseId, ANALYST), claimStatus(client, caseId, ANALYST_2))
			.collectList()
			.block(Duration.ofSeconds(30));

		assertThat(statuses).containsExactlyInAnyOrder(200, 409);
		assertThat(caseOf(caseId).get("audit").findValuesAsString("action")).containsExactly("RECEIVED", "CLAIMED");
	}

	private static Mono<Integer> claimStatus(WebClient client, String caseId, String analyst) {
		return client.post()
			.uri("/api/v1/cases/{id}/claim", caseId)
			.headers((headers) -> headers.setBasicAuth(analyst, analyst))
			.exchangeToMono((response) -> response.releaseBody().thenReturn(response.statusCode().value()));
	}

	@Test
	void expiredClaimLetsAnotherAnalystTakeTheCase() {
		String caseId = submit(ReportEvents.aHealthRumour(freshReportId()));
		claim(caseId, ANALYST);
		// The lease runs out: what a half-hour coffee break would do.
		this.mongo
			.updateFirst(Query.query(Criteria.where("_id").is(caseId)),
					new Update().set("claim.expiresAt", Date.from(Instant.now().minusSeconds(60))), "cases")
			.block(Duration.ofSeconds(10));
		assertThat(caseOf(caseId).get("claimedBy").isNull()).isTrue();

		assertThat(claim(caseId, ANALYST_2).get("claimedBy").asString()).isEqualTo(ANALYST_2);
		as(ANALYST).post()
			.uri("/api/v1/cases/{id}/claim", caseId)
			.exchange()
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://misinfodesk.org/problems/case-claimed");
	}

	@Test
	void claimingAgainRenewsTheLease() {
		String caseId = submit(ReportEvents.aHealthRumour(freshReportId()));
		String first = claim(caseId, ANALYST).get("claim").get("expiresAt").asString();
		JsonNode renewed = claim(caseId, ANALYST);

		assertThat(renewed.get("claim").get("expiresAt").asString()).isGreaterThanOrEqualTo(first);
		assertThat(renewed.get("audit").findValuesAsString("action")).containsExactly("RECEIVED", "CLAIMED",
				"CLAIMED");
	}

	@Test
	void firstClaimTellsTheReporterTheReportIsInReview() {
		String reportId = freshReportId();
		String caseId = submit(ReportEvents.aHealthRumour(reportId));
		claim(caseId, ANALYST);
		claim(caseId, ANALYST);

		List<ConsumerRecord<String, String>> records = RecordedEvents.published(this.broker.getBrokersAsString(),
				"reports.status-changed", reportId, 1);
		ConsumerRecord<String, String> record = records.get(0);
		Contracts.assertValid("org.misinfodesk.report.status-changed.v1", record.value());
		JsonNode changed = json.readTree(record.value());
		assertThat(changed.get("status").asString()).isEqualTo("IN_REVIEW");
		assertThat(changed.get("caseId").asString()).isEqualTo(caseId);
		assertThat(RecordedEvents.header(record, "ce_type")).isEqualTo("org.misinfodesk.report.status-changed.v1");
		assertThat(RecordedEvents.header(record, "ce_source")).isEqualTo("/triage-service");
		assertThat(RecordedEvents.header(record, "ce_specversion")).isEqualTo("1.0");
		assertThat(RecordedEvents.header(record, "ce_id")).isNotBlank();
		assertThat(caseOf(caseId).get("status").asString()).isEqualTo("IN_REVIEW");
	}

	@Test
	void holderReleasesTheCaseAndAnotherAnalystMayThenClaimIt() {
		String caseId = submit(ReportEvents.aHealthRumour(freshReportId()));
		claim(caseId, ANALYST);

		as(ANALYST_2).post()
			.uri("/api/v1/cases/{id}/release", caseId)
			.exchange()
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://misinfodesk.org/problems/claim-not-held");

		JsonNode released = body(
				as(ANALYST).post().uri("/api/v1/cases/{id}/release", caseId).exchange().expectStatus().isOk());
		assertThat(released.get("claimedBy").isNull()).isTrue();
		assertThat(released.get("status").asString()).isEqualTo("IN_REVIEW");

		assertThat(claim(caseId, ANALYST_2).get("claimedBy").asString()).isEqualTo(ANALYST_2);
	}

	@Test
	void claimingAnUnknownCaseIsNotFound() {
		as(ANALYST).post().uri("/api/v1/cases/c-unknown/claim").exchange().expectStatus().isNotFound();
	}

	@Test
	void supervisorMayNotClaim() {
		String caseId = submit(ReportEvents.aHealthRumour(freshReportId()));

		as(SUPERVISOR).post()
			.uri("/api/v1/cases/{id}/claim", caseId)
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://misinfodesk.org/problems/forbidden");
	}

	@Test
	void adminMayNotReadTheQueue() {
		as("admin").get().uri("/api/v1/cases").exchange().expectStatus().isForbidden();
	}

	@Test
	void anonymousCallerGetsA401Problem() {
		anonymous().post()
			.uri("/api/v1/cases/c-anything/claim")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.valueMatches(HttpHeaders.WWW_AUTHENTICATE, "Basic .*")
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://misinfodesk.org/problems/unauthorized");
		anonymous().get().uri("/api/v1/cases").exchange().expectStatus().isUnauthorized();
	}

	@Test
	void wrongPasswordGetsA401Problem() {
		anonymous().get()
			.uri("/api/v1/cases")
			.headers((headers) -> headers.setBasicAuth(ANALYST, "guess"))
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

}
