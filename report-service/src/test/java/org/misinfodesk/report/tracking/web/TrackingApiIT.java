package org.misinfodesk.report.tracking.web;

import org.junit.jupiter.api.Test;
import org.misinfodesk.report.RunningService;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.misinfodesk.report.ReportBodies.aHealthRumour;

class TrackingApiIT extends RunningService {

	@Test
	void showsTheStatusOfANewReportWithoutItsContentOrReporter() {
		Submitted submitted = submit(aHealthRumour());

		this.web.get()
			.uri("/api/v1/reports/{code}", submitted.trackingCode())
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType(MediaType.APPLICATION_JSON)
			.expectHeader()
			.cacheControl(org.springframework.http.CacheControl.noStore())
			.expectBody()
			.jsonPath("$.trackingCode").isEqualTo(submitted.trackingCode())
			.jsonPath("$.status").isEqualTo("RECEIVED")
			.jsonPath("$.history.length()").isEqualTo(1)
			.jsonPath("$.history[0].status").isEqualTo("RECEIVED")
			.jsonPath("$.history[0].at").isEqualTo(submitted.submittedAt())
			.jsonPath("$.history[0].eventId").doesNotExist()
			.jsonPath("$.publicNote").isEmpty()
			.jsonPath("$.id").doesNotExist()
			.jsonPath("$.content").doesNotExist();
	}

	@Test
	void findsAReportByItsCodeTypedInLowerCaseWithoutTheDash() {
		Submitted submitted = submit(aHealthRumour());
		String typed = submitted.trackingCode().replace("-", "").toLowerCase();

		this.web.get()
			.uri("/api/v1/reports/{code}", typed)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.trackingCode").isEqualTo(submitted.trackingCode());
	}

	@Test
	void answersAnUnknownCodeWithANotFoundProblemInTheRequestsLanguage() {
		this.web.get()
			.uri("/api/v1/reports/ZZZZ-ZZZZ")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type").isEqualTo("https://misinfodesk.org/problems/not-found")
			.jsonPath("$.detail").isEqualTo("Không tìm thấy phản ánh \"ZZZZ-ZZZZ\".");

		this.web.get()
			.uri("/api/v1/reports/not-a-code?lang=en")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.detail").value((String detail) -> assertThat(detail).isEqualTo("No report \"not-a-code\" was found."));
	}

}
