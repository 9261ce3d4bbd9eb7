package org.misinfodesk.triage;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.misinfodesk.triage.cases.CaseSummary;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;

import static org.assertj.core.api.Assertions.assertThat;

class CaseStreamIT extends RunningTriageService {

	@Test
	void streamAnnouncesAClaimedCase() {
		String caseId = submit(ReportEvents.aHealthRumour(freshReportId()));

		Flux<ServerSentEvent<CaseSummary>> stream = as(SUPERVISOR).get()
			.uri("/api/v1/cases/stream")
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(new ParameterizedTypeReference<ServerSentEvent<CaseSummary>>() {
			})
			.getResponseBody();

		StepVerifier.create(stream.filter((event) -> event.data() != null && caseId.equals(event.data().id())))
			.then(() -> claim(caseId, ANALYST))
			.assertNext((event) -> {
				assertThat(event.event()).isEqualTo("case");
				assertThat(event.data().status().name()).isEqualTo("IN_REVIEW");
				assertThat(event.data().claimedBy()).isEqualTo(ANALYST);
			})
			.thenCancel()
			.verify(Duration.ofSeconds(30));
	}

	@Test
	void streamIsForStaffOnly() {
		anonymous().get()
			.uri("/api/v1/cases/stream")
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isUnauthorized();
	}

}
