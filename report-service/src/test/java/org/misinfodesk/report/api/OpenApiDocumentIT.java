package org.misinfodesk.report.api;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.misinfodesk.report.RunningService;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

class OpenApiDocumentIT extends RunningService {

	@Test
	void documentsThePublicApiAndOnlyIt() {
		this.web.get()
			.uri("/v3/api-docs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
			.expectBody()
			.jsonPath("$.info.title").isEqualTo("Misinfo Desk report-service")
			.jsonPath("$.paths['/api/v1/reports'].post.responses['201']").exists()
			.jsonPath("$.paths['/api/v1/reports'].post.responses['400'].content['application/problem+json']").exists()
			.jsonPath("$.paths['/api/v1/reports'].post.responses['422']").exists()
			.jsonPath("$.paths['/api/v1/reports'].post.parameters[?(@.name == 'Idempotency-Key')]").exists()
			.jsonPath("$.paths['/api/v1/reports/{trackingCode}'].get.responses['404']").exists()
			.jsonPath("$.components.schemas.ReportRequest.required").value((Iterable<String> required) -> assertThat(required).containsExactly("content"))
			.jsonPath("$.components.schemas.ReportRequest.properties.platform.enum").isArray()
			.jsonPath("$.components.schemas.ReportStatus.properties.history").exists()
			.jsonPath("$.paths['/api/v1/reports'].post.requestBody.content['multipart/form-data'].schema").exists()
			.jsonPath("$.paths['/api/v1/reports'].post.requestBody.content['application/json'].schema").exists()
			.jsonPath("$.paths['/api/v1/evidence/{evidenceId}'].get.security[0].staff").exists()
			.jsonPath("$.paths['/api/v1/evidence/{evidenceId}'].get.responses['401']").exists()
			.jsonPath("$.paths['/api/v1/evidence/{evidenceId}/thumbnail'].get.responses['200']").exists()
			.jsonPath("$.components.securitySchemes.staff.scheme").isEqualTo("basic")
			.jsonPath("$.paths['/reports']").doesNotExist()
			.jsonPath("$.paths['/reports/draft']").doesNotExist()
			.jsonPath("$.paths['/']").doesNotExist();
	}

	@Test
	void servesTheBrowsableDocumentation() {
		URI ui = this.web.get()
			.uri("/swagger-ui.html")
			.exchange()
			.expectStatus()
			.is3xxRedirection()
			.returnResult(Void.class)
			.getResponseHeaders()
			.getLocation();

		this.web.get()
			.uri(ui.getPath())
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.expectBody(String.class)
			.value((page) -> assertThat(page).contains("Swagger UI"));
	}

}
