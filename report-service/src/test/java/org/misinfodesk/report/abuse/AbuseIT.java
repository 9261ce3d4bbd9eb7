package org.misinfodesk.report.abuse;

import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.misinfodesk.report.RunningService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.misinfodesk.report.ReportBodies.aBareReport;
import static org.misinfodesk.report.ReportBodies.aHealthRumour;
import static org.misinfodesk.report.ReportBodies.aHealthRumourBy;

class AbuseIT extends RunningService {

	@Autowired
	ReactiveMongoTemplate mongo;

	@Test
	void refusesAClientBeyondItsShareWithRetryAfterAsAProblemInItsLanguage() {
		String client = "203.0.113.77";
		for (int i = 0; i < SUBMISSIONS_PER_CLIENT; i++) {
			sendFrom(client).expectStatus().isCreated();
		}

		sendFrom(client).expectStatus()
			.isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.value("Retry-After", (seconds) -> assertThat(Long.parseLong(seconds)).isBetween(1L, 600L))
			.expectBody()
			.jsonPath("$.type").isEqualTo("https://misinfodesk.org/problems/too-many-requests")
			.jsonPath("$.title").isEqualTo("Too many reports");
		// another client is not held back
		sendFrom("203.0.113.78").expectStatus().isCreated();
	}

	@Test
	void doesNotCountReadingStatusesAgainstTheShare() {
		for (int i = 0; i <= SUBMISSIONS_PER_CLIENT; i++) {
			this.web.get().uri("/api/v1/reports/ZZZZ-ZZZZ").header(CLIENT, "203.0.113.90").exchange().expectStatus().isNotFound();
		}
		sendFrom("203.0.113.90").expectStatus().isCreated();
	}

	@Test
	void refusesABannedContactWhateverWayItIsWritten() {
		for (Map<String, Object> reporter : java.util.List.<Map<String, Object>>of(
				Map.of("email", "Spam.Lua.Dao@Example.vn", "contactConsent", true),
				Map.of("phone", "+84 901.234.567", "contactConsent", true))) {
			this.web.post()
				.uri("/api/v1/reports?lang=en")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(aHealthRumourBy(reporter))
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectBody()
				.jsonPath("$.errors[0].code").isEqualTo("contact-refused")
				.jsonPath("$.errors[0].message").isEqualTo("This contact cannot be used. You can report anonymously or give another contact.");
		}
	}

	@Test
	void keepsTheLinkAsSentBesideItsNormalFormAndAnnouncesOnlyTheNormalForm() {
		Map<String, Object> body = aBareReport("Video cắt ghép về lũ ở Phủ Lý.");
		body.put("sourceUrl", "https://www.facebook.com/watch/?v=123&utm_source=zalo&fbclid=IwAR0abc#comments");

		Submitted submitted = submit(body);

		Document stored = this.mongo.findById(submitted.id(), Document.class, "reports").block();
		assertThat(stored.getString("sourceUrl")).isEqualTo("https://www.facebook.com/watch/?v=123");
		assertThat(stored.getString("originalSourceUrl"))
			.isEqualTo("https://www.facebook.com/watch/?v=123&utm_source=zalo&fbclid=IwAR0abc#comments");
		assertThat(recordOn("reports.submitted", submitted.id()).value())
			.contains("\"sourceUrl\":\"https://www.facebook.com/watch/?v=123\"")
			.doesNotContain("fbclid", "utm_");
	}

	@Test
	void refusesALocalityThatIsNotAnAdministrativeUnit() {
		Map<String, Object> body = aHealthRumour();
		body.put("localityCode", "HNA-DISTRICT-OF-NOWHERE");

		this.web.post()
			.uri("/api/v1/reports")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field").isEqualTo("localityCode")
			.jsonPath("$.errors[0].code").isEqualTo("unknown-locality");
	}

	private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec sendFrom(String client) {
		return this.web.post()
			.uri("/api/v1/reports?lang=en")
			.header(CLIENT, client)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(aBareReport("Tin nhắn lừa đảo trúng thưởng."))
			.exchange();
	}

}
