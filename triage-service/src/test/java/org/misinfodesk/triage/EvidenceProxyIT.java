package org.misinfodesk.triage;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

class EvidenceProxyIT extends RunningTriageService {

	private String caseWithEvidence(String... evidenceIds) {
		String reportId = freshReportId();
		ObjectNode report = (ObjectNode) json.readTree(ReportEvents.aHealthRumour(reportId));
		var evidence = report.putArray("evidence");
		for (String id : evidenceIds) {
			evidence.addObject()
				.put("id", id)
				.put("contentType", "image/png")
				.put("size", 182034)
				.put("sha256", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
		}
		return submit(report.toString());
	}

	@Test
	void thumbnailComesFromReportServiceWithTheServiceCredentials() {
		String caseId = caseWithEvidence("ev-png");
		assertThat(caseOf(caseId).get("reports").get(0).get("evidence").get(0).get("id").asString())
			.isEqualTo("ev-png");

		byte[] thumbnail = as(SUPERVISOR).get()
			.uri("/api/v1/cases/{c}/evidence/ev-png/thumbnail", caseId)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType(MediaType.IMAGE_PNG)
			.expectHeader()
			.valueEquals("X-Content-Type-Options", "nosniff")
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();
		assertThat(thumbnail).isEqualTo(ReportServiceStandIn.THUMBNAIL);
	}

	@Test
	void evidenceOfAnotherCaseIsNotFetched() {
		String caseId = caseWithEvidence("ev-png");
		String other = caseWithEvidence("ev-elsewhere");

		as(ANALYST).get()
			.uri("/api/v1/cases/{c}/evidence/ev-png/thumbnail", other)
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		as(ANALYST).get().uri("/api/v1/cases/{c}/evidence/ev-png", caseId).exchange().expectStatus().isOk();
	}

	@Test
	void evidenceMissingInReportServiceIsNotFound() {
		String caseId = caseWithEvidence("ev-gone");
		as(ANALYST).get()
			.uri("/api/v1/cases/{c}/evidence/ev-gone/thumbnail", caseId)
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	@Test
	void failingOrSlowReportServiceIsABadGatewayOrATimeoutProblem() {
		String caseId = caseWithEvidence("ev-broken", "ev-slow");
		as(ANALYST).get()
			.uri("/api/v1/cases/{c}/evidence/ev-broken/thumbnail", caseId)
			.exchange()
			.expectStatus()
			.isEqualTo(502)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://misinfodesk.org/problems/evidence-unavailable");
		as(ANALYST).get()
			.uri("/api/v1/cases/{c}/evidence/ev-slow/thumbnail", caseId)
			.exchange()
			.expectStatus()
			.isEqualTo(504)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://misinfodesk.org/problems/evidence-timeout");
	}

	@Test
	void anonymousAndAdminMayNotFetchEvidence() {
		anonymous().get().uri("/api/v1/cases/c-x/evidence/ev-png/thumbnail").exchange().expectStatus().isUnauthorized();
		as("admin").get().uri("/api/v1/cases/c-x/evidence/ev-png/thumbnail").exchange().expectStatus().isForbidden();
	}

}
