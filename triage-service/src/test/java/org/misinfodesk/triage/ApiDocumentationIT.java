package org.misinfodesk.triage;

import org.junit.jupiter.api.Test;

class ApiDocumentationIT extends RunningTriageService {

	@Test
	void openApiDescribesTheCaseApi() {
		anonymous().get()
			.uri("/v3/api-docs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.paths['/api/v1/cases'].get")
			.exists()
			.jsonPath("$.paths['/api/v1/cases/{id}/claim'].post")
			.exists()
			.jsonPath("$.paths['/api/v1/cases/{id}/decision'].post.requestBody")
			.exists()
			.jsonPath("$.paths['/api/v1/agencies'].get")
			.exists()
			.jsonPath("$.paths['/api/v1/cases/stream'].get")
			.exists()
			.jsonPath("$.paths['/login']")
			.doesNotExist()
			.jsonPath("$.components.securitySchemes.basicAuth.scheme")
			.isEqualTo("basic");
	}

	@Test
	void probesAndMetricsNeedNoLogin() {
		anonymous().get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
		anonymous().get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
		anonymous().get().uri("/actuator/prometheus").exchange().expectStatus().isOk();
	}

	@Test
	void otherActuatorEndpointsAreForAdmins() {
		anonymous().get().uri("/actuator/metrics").exchange().expectStatus().isUnauthorized();
		as(ANALYST).get().uri("/actuator/metrics").exchange().expectStatus().isForbidden();
		as("admin").get().uri("/actuator/metrics").exchange().expectStatus().isOk();
	}

}
