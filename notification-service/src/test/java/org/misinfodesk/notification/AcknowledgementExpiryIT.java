package org.misinfodesk.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.misinfodesk.notification.acknowledgement.AcknowledgingCase;
import org.misinfodesk.notification.acknowledgement.RoutedCase;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import static org.assertj.core.api.Assertions.assertThat;

class AcknowledgementExpiryIT extends RunningService {

	static final String EXPIRED = "https://misinfodesk.org/problems/expired-acknowledgement";

	@Autowired
	AcknowledgingCase acknowledging;

	@Autowired
	TestClock.ShiftableClock clock;

	@Value("${misinfodesk.acknowledgements.link-validity}")
	Duration validity;

	@Test
	void aLinkOpenedLongerAgoThanItsValidityIsA410ProblemOnThePageAndTheApi() {
		String token = openedAgo(this.validity.plusMinutes(1));

		expectGone(this.web.get().uri("/acknowledgements/{token}?lang=en", token).exchange())
			.jsonPath("$.title")
			.isEqualTo("Acknowledgement link expired");
		expectGone(this.web.post()
			.uri("/acknowledgements/{token}", token)
			.body(BodyInserters.fromFormData("note", "Đã nhận"))
			.exchange());
		expectGone(this.web.post()
			.uri("/api/v1/acknowledgements/{token}", token)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("note", "Đã nhận"))
			.exchange());
		expectGone(this.web.post()
			.uri("/api/v1/acknowledgements/{token}/outcome", token)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("outcome", "REMOVED"))
			.exchange());
	}

	@Test
	void aBrowserOpeningAnExpiredLinkGetsA410PageSayingWhomToContactInVietnameseOrEnglish() {
		String token = openedAgo(this.validity.plusMinutes(1));

		String vietnamese = expectGonePage(this.web.get()
			.uri("/acknowledgements/{token}", token)
			.accept(MediaType.TEXT_HTML, MediaType.parseMediaType("application/xhtml+xml"), MediaType.ALL)
			.exchange());
		assertThat(vietnamese).contains("<h1>Đường dẫn xác nhận đã hết hạn</h1>")
			.contains("đề nghị liên hệ Misinfo Desk")
			.contains("href=\"mailto:bandvh.hdnd@hanam.gov.vn\"")
			.contains("href=\"/css/notification.css\"")
			.doesNotContain("<script")
			.doesNotContain(token);

		String english = expectGonePage(this.web.get()
			.uri("/acknowledgements/{token}", token)
			.accept(MediaType.TEXT_HTML)
			.header("Accept-Language", "en-GB,en;q=0.9")
			.exchange());
		assertThat(english).contains("<h1>Acknowledgement link expired</h1>")
			.contains("please contact the Misinfo Desk")
			.contains("bandvh.hdnd@hanam.gov.vn");

		String form = expectGonePage(this.web.post()
			.uri("/acknowledgements/{token}/outcome?lang=en", token)
			.accept(MediaType.TEXT_HTML)
			.body(BodyInserters.fromFormData("outcome", "REMOVED"))
			.exchange());
		assertThat(form).contains("<h1>Acknowledgement link expired</h1>");
	}

	@Test
	void aLinkStillWithinItsValidityWorks() {
		String token = openedAgo(this.validity.minusMinutes(1));

		this.web.get().uri("/acknowledgements/{token}", token).exchange().expectStatus().isOk();
		this.web.post()
			.uri("/api/v1/acknowledgements/{token}", token)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("note", "Đã nhận"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.response")
			.isEqualTo("ACKNOWLEDGED");
	}

	/** Opens the acknowledgement of a routing as the service does when it alerts an agency, that long ago. */
	private String openedAgo(Duration age) {
		String caseId = RoutedCaseEvents.newCaseId();
		RoutedCase routed = new RoutedCase(caseId, 1, "FAKE", "HEALTH", "HIGH", "HNA-PHU-LY",
				RoutedCaseEvents.EXAMPLE_SUMMARY, 1, List.of(), Instant.parse("2026-11-28T02:10:00Z"));
		return this.clock
			.shifted(age.negated(),
					() -> this.acknowledging.open(routed, "ubnd-phuong-phu-ly", "Ủy ban nhân dân phường Phủ Lý")
						.block(PATIENCE))
			.token();
	}

	private static String expectGonePage(WebTestClient.ResponseSpec response) {
		return response.expectStatus()
			.isEqualTo(HttpStatus.GONE)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	private static WebTestClient.BodyContentSpec expectGone(WebTestClient.ResponseSpec response) {
		return response.expectStatus()
			.isEqualTo(HttpStatus.GONE)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo(EXPIRED)
			.jsonPath("$.status")
			.isEqualTo(410);
	}

}
