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

		expectGone(this.web.get().uri("/acknowledgements/{token}", token).accept(MediaType.TEXT_HTML).exchange());
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
