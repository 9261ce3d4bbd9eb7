package org.misinfodesk.notification;

import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookRegistrationIT extends RunningService {

	@Test
	void adminRegistersAWebhookAndSeesItListedWithoutItsSecret() {
		String url = receiver.newUrl();

		JsonNode registered = registerWebhook("so-vhttdl", url);

		assertThat(registered.get("id").asString()).startsWith("ep_");
		assertThat(registered.get("url").asString()).isEqualTo(url);
		assertThat(registered.get("description").asString()).isEqualTo("Hệ thống tiếp nhận của so-vhttdl");
		assertThat(registered.get("secret").asString()).matches("whsec_[A-Za-z0-9+/]{32}");
		assertThat(registered.get("createdAt").asString()).isNotBlank();

		this.web.get()
			.uri("/api/v1/agencies/so-vhttdl/webhooks")
			.headers((headers) -> headers.setBasicAuth("admin", "admin"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.items[?(@.id == '%s')].url".formatted(registered.get("id").asString()))
			.isEqualTo(url)
			.jsonPath("$.items[*].secret")
			.doesNotExist();
		this.web.get()
			.uri("/api/v1/agencies/so-vhttdl/webhooks/{id}", registered.get("id").asString())
			.headers((headers) -> headers.setBasicAuth("admin", "admin"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.state")
			.isEqualTo("ENABLED")
			.jsonPath("$.secret")
			.doesNotExist();
	}

	@Test
	void staffListTheAgenciesWithTheirContactEmails() {
		this.web.get()
			.uri("/api/v1/agencies")
			.headers((headers) -> headers.setBasicAuth("supervisor", "supervisor"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.length()")
			.isEqualTo(5)
			.jsonPath("$[0].id")
			.isEqualTo("so-y-te")
			.jsonPath("$[0].name")
			.isEqualTo("Sở Y tế tỉnh Hà Nam")
			.jsonPath("$[0].emails[0]")
			.isEqualTo("vanthu.syt@hanam.gov.vn")
			.jsonPath("$[?(@.id == 'ubnd-phuong-phu-ly')].emails[0]")
			.isEqualTo("ubnd.phuly@hanam.gov.vn");
	}

	@Test
	void anonymousCallersGetA401Problem() {
		this.web.get()
			.uri("/api/v1/deliveries?caseId=c-1")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.valueMatches(HttpHeaders.WWW_AUTHENTICATE, "Basic.*")
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(401)
			.jsonPath("$.type")
			.isEqualTo("https://misinfodesk.org/problems/unauthorized");
		this.web.post()
			.uri("/api/v1/agencies/so-y-te/webhooks")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("url", "http://127.0.0.1/x"))
			.exchange()
			.expectStatus()
			.isUnauthorized();
		this.web.get()
			.uri("/api/v1/agencies")
			.headers((headers) -> headers.setBasicAuth("admin", "wrong"))
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void onlyAnAdminMayRegisterOrListWebhooks() {
		this.web.post()
			.uri("/api/v1/agencies/so-y-te/webhooks")
			.headers((headers) -> headers.setBasicAuth("supervisor", "supervisor"))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("url", receiver.newUrl()))
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://misinfodesk.org/problems/forbidden");
		this.web.get()
			.uri("/api/v1/agencies/so-y-te/webhooks")
			.headers((headers) -> headers.setBasicAuth("supervisor", "supervisor"))
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	@Test
	void analystsSeeNeitherAgenciesNorDeliveries() {
		this.web.get()
			.uri("/api/v1/agencies")
			.headers((headers) -> headers.setBasicAuth("analyst", "analyst"))
			.exchange()
			.expectStatus()
			.isForbidden();
		this.web.get()
			.uri("/api/v1/deliveries?caseId=c-1")
			.headers((headers) -> headers.setBasicAuth("analyst", "analyst"))
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	@Test
	void registeringForAnUnknownAgencyIsA404Problem() {
		this.web.post()
			.uri("/api/v1/agencies/so-khong-co/webhooks")
			.headers((headers) -> headers.setBasicAuth("admin", "admin"))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("url", receiver.newUrl()))
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://misinfodesk.org/problems/unknown-agency")
			.jsonPath("$.detail")
			.isEqualTo("Không có cơ quan nào mang mã \"so-khong-co\".");
	}

	@Test
	void aUrlThatIsNotHttpIsA400WithAFieldError() {
		this.web.post()
			.uri("/api/v1/agencies/so-y-te/webhooks?lang=en")
			.headers((headers) -> headers.setBasicAuth("admin", "admin"))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("url", "ftp://files.example.org/drop", "description", "x".repeat(501)))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://misinfodesk.org/problems/validation")
			.jsonPath("$.errors[0].field")
			.isEqualTo("url")
			.jsonPath("$.errors[0].code")
			.isEqualTo("invalid-url")
			.jsonPath("$.errors[1].field")
			.isEqualTo("description")
			.jsonPath("$.errors[1].message")
			.isEqualTo("At most 500 characters.");
	}

	@Test
	void aMissingOrUnreadableBodyIsA400Problem() {
		this.web.post()
			.uri("/api/v1/agencies/so-y-te/webhooks")
			.headers((headers) -> headers.setBasicAuth("admin", "admin"))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].code")
			.isEqualTo("required");
		this.web.post()
			.uri("/api/v1/agencies/so-y-te/webhooks")
			.headers((headers) -> headers.setBasicAuth("admin", "admin"))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"url\": ")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void listingDeliveriesNeedsACaseId() {
		this.web.get()
			.uri("/api/v1/deliveries")
			.headers((headers) -> headers.setBasicAuth("admin", "admin"))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("caseId")
			.jsonPath("$.errors[0].code")
			.isEqualTo("required");
	}

	@Test
	void healthAndTheApiDescriptionNeedNoLogin() {
		this.web.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
		this.web.get()
			.uri("/v3/api-docs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.paths['/api/v1/agencies/{agencyId}/webhooks'].post")
			.exists()
			.jsonPath("$.paths['/api/v1/deliveries'].get")
			.exists()
			.jsonPath("$.paths['/api/v1/acknowledgements/{token}'].post")
			.exists()
			.jsonPath("$.paths['/api/v1/acknowledgements/{token}/outcome'].post")
			.exists()
			.jsonPath("$.paths['/api/v1/agencies/{agencyId}/webhooks/{id}/secret/rotate'].post")
			.exists()
			.jsonPath("$.paths['/api/v1/deliveries/{id}/replay'].post")
			.exists();
	}

}
