package org.misinfodesk.notification;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.misinfodesk.platform.test.Contracts;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class AcknowledgementIT extends RunningService {

	static final String RESPONDED = "org.misinfodesk.agency.responded.v1";

	static final Pattern LINK = Pattern.compile(Pattern.quote(ACK_BASE) + "([A-Za-z0-9_-]{43})");

	@Test
	void acknowledgingEmitsAgencyRespondedOnceHoweverOftenItIsRepeated() {
		String caseId = RoutedCaseEvents.newCaseId();
		String token = routeToCommuneAndReadToken(caseId);

		try (Consumer<String, String> consumer = consumer("agency.responses")) {
			JsonNode first = acknowledge(token, Map.of("note", "Đã tiếp nhận, giao phòng chuyên môn xác minh."));
			assertThat(first.get("caseId").asString()).isEqualTo(caseId);
			assertThat(first.get("agencyId").asString()).isEqualTo("ubnd-phuong-phu-ly");
			assertThat(first.get("response").asString()).isEqualTo("ACKNOWLEDGED");

			List<ConsumerRecord<String, String>> responses = new ArrayList<>();
			await().atMost(PATIENCE).until(() -> {
				poll(consumer).stream().filter((record) -> caseId.equals(record.key())).forEach(responses::add);
				return !responses.isEmpty();
			});
			ConsumerRecord<String, String> record = responses.get(0);
			assertThat(new String(record.headers().lastHeader("ce_type").value())).isEqualTo(RESPONDED);
			Contracts.assertValid(RESPONDED, record.value());
			JsonNode event = json.readTree(record.value());
			assertThat(event.get("caseId").asString()).isEqualTo(caseId);
			assertThat(event.get("agencyId").asString()).isEqualTo("ubnd-phuong-phu-ly");
			assertThat(event.get("response").asString()).isEqualTo("ACKNOWLEDGED");
			assertThat(event.get("note").asString()).isEqualTo("Đã tiếp nhận, giao phòng chuyên môn xác minh.");

			JsonNode again = acknowledge(token, Map.of("note", "Lần hai"));
			assertThat(again.get("acknowledgedAt").asString()).isEqualTo(first.get("acknowledgedAt").asString());
			assertThat(again.get("note").asString()).isEqualTo("Đã tiếp nhận, giao phòng chuyên môn xác minh.");
			await().during(Duration.ofSeconds(3)).atMost(PATIENCE).until(() -> {
				poll(consumer).stream().filter((record2) -> caseId.equals(record2.key())).forEach(responses::add);
				return responses.size() == 1;
			});
		}
	}

	@Test
	void theLinkOpensAPageWhereTheAgencyAcknowledgesWithoutLoggingIn() {
		String caseId = RoutedCaseEvents.newCaseId();
		String token = routeToCommuneAndReadToken(caseId);

		String page = this.web.get()
			.uri("/acknowledgements/{token}", token)
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.expectHeader()
			.valueEquals("Referrer-Policy", "no-referrer")
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(page).contains(caseId)
			.contains("Kính gửi: Ủy ban nhân dân phường Phủ Lý")
			.contains(RoutedCaseEvents.EXAMPLE_SUMMARY)
			.contains("Tin giả")
			.contains("09:10 ngày 28/11/2026 (giờ Việt Nam)")
			.contains("<form method=\"post\" id=\"acknowledge-form\">")
			.contains("Xác nhận đã tiếp nhận");

		this.web.post()
			.uri("/acknowledgements/{token}", token)
			.body(BodyInserters.fromFormData("note", "Đã nhận qua trang"))
			.exchange()
			.expectStatus()
			.isSeeOther()
			.expectHeader()
			.valueEquals(HttpHeaders.LOCATION, "/acknowledgements/" + token);

		assertThat(this.web.get()
			.uri("/acknowledgements/{token}", token)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody()).contains("đã xác nhận tiếp nhận vụ việc lúc")
			.contains("Đã nhận qua trang")
			.doesNotContain("id=\"acknowledge-form\"")
			.contains("Báo cáo kết quả xử lý");
	}

	@Test
	void anUnknownTokenIsA404Problem() {
		String unknown = "A".repeat(43);
		this.web.get()
			.uri("/acknowledgements/{token}", unknown)
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://misinfodesk.org/problems/unknown-acknowledgement");
		this.web.post()
			.uri("/api/v1/acknowledgements/{token}", "not-even-a-token")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void aBrowserOpeningAnUnknownLinkGetsA404PageNotJson() {
		String page = this.web.get()
			.uri("/acknowledgements/{token}", "B".repeat(43))
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(page).contains("<h1>Không tìm thấy đường dẫn xác nhận</h1>")
			.contains("bandvh.hdnd@hanam.gov.vn");
		this.web.post()
			.uri("/acknowledgements/{token}", "not-even-a-token")
			.accept(MediaType.TEXT_HTML)
			.body(BodyInserters.fromFormData("note", "Đã nhận"))
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_HTML);
	}

	@Test
	void aNoteLongerThan4000CharactersIsA400WithAFieldError() {
		String token = routeToCommuneAndReadToken(RoutedCaseEvents.newCaseId());

		this.web.post()
			.uri("/api/v1/acknowledgements/{token}", token)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("note", "x".repeat(4001)))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("note")
			.jsonPath("$.errors[0].code")
			.isEqualTo("too-long");
	}

	@Test
	void reportingTheOutcomeEmitsResolvedWithTheNoteOnceAfterAcknowledging() {
		String caseId = RoutedCaseEvents.newCaseId();
		String token = routeToCommuneAndReadToken(caseId);

		try (Consumer<String, String> consumer = consumer("agency.responses")) {
			JsonNode first = reportOutcome(token, Map.of("outcome", "CORRECTED", "note",
					"UBND phường đã đăng thông tin cải chính trên cổng thông tin điện tử."));
			assertThat(first.get("response").asString()).isEqualTo("RESOLVED");
			assertThat(first.get("outcome").asString()).isEqualTo("CORRECTED");
			assertThat(first.get("acknowledgedAt").asString()).isNotBlank();

			List<ConsumerRecord<String, String>> responses = new ArrayList<>();
			await().atMost(PATIENCE).until(() -> {
				poll(consumer).stream().filter((record) -> caseId.equals(record.key())).forEach(responses::add);
				return responses.size() >= 2;
			});
			responses.forEach((record) -> Contracts.assertValid(RESPONDED, record.value()));
			List<JsonNode> events = responses.stream().map((record) -> json.readTree(record.value())).toList();
			assertThat(events).extracting((event) -> event.get("response").asString())
				.containsExactly("ACKNOWLEDGED", "RESOLVED");
			assertThat(events.get(1).get("agencyId").asString()).isEqualTo("ubnd-phuong-phu-ly");
			assertThat(events.get(1).get("note").asString())
				.isEqualTo("UBND phường đã đăng thông tin cải chính trên cổng thông tin điện tử.");

			JsonNode again = reportOutcome(token, Map.of("outcome", "REMOVED", "note", "Lần hai"));
			assertThat(again.get("outcome").asString()).isEqualTo("CORRECTED");
			assertThat(again.get("resolvedAt").asString()).isEqualTo(first.get("resolvedAt").asString());
			await().during(Duration.ofSeconds(3)).atMost(PATIENCE).until(() -> {
				poll(consumer).stream().filter((record) -> caseId.equals(record.key())).forEach(responses::add);
				return responses.size() == 2;
			});
		}
	}

	@Test
	void notOurCompetenceEmitsDeclinedOnceSoTriageRoutesTheCaseAgain() {
		String caseId = RoutedCaseEvents.newCaseId();
		String token = routeToCommuneAndReadToken(caseId);
		String page = this.web.get()
			.uri("/acknowledgements/{token}", token)
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(page).contains("value=\"NOT_COMPETENT\"").contains("Không thuộc thẩm quyền");

		try (Consumer<String, String> consumer = consumer("agency.responses")) {
			JsonNode declined = reportOutcome(token, Map.of("outcome", "NOT_COMPETENT", "note",
					"Nội dung thuộc lĩnh vực y tế, đề nghị chuyển Sở Y tế."));
			assertThat(declined.get("response").asString()).isEqualTo("DECLINED");
			assertThat(declined.get("outcome").asString()).isEqualTo("NOT_COMPETENT");
			assertThat(reportOutcome(token, Map.of("outcome", "REMOVED")).get("response").asString())
				.isEqualTo("DECLINED");

			List<ConsumerRecord<String, String>> responses = new ArrayList<>();
			await().atMost(PATIENCE).until(() -> {
				poll(consumer).stream().filter((record) -> caseId.equals(record.key())).forEach(responses::add);
				return responses.size() >= 2;
			});
			await().during(Duration.ofSeconds(3)).atMost(PATIENCE).until(() -> {
				poll(consumer).stream().filter((record) -> caseId.equals(record.key())).forEach(responses::add);
				return responses.size() == 2;
			});
			responses.forEach((record) -> Contracts.assertValid(RESPONDED, record.value()));
			List<JsonNode> events = responses.stream().map((record) -> json.readTree(record.value())).toList();
			assertThat(events).extracting((event) -> event.get("response").asString())
				.containsExactly("ACKNOWLEDGED", "DECLINED");
			assertThat(events.get(1).get("note").asString())
				.isEqualTo("Nội dung thuộc lĩnh vực y tế, đề nghị chuyển Sở Y tế.");
		}
	}

	@Test
	void theAgencyReportsTheOutcomeOnTheSamePageAndAnOutcomeWithoutANoteIsNamedForTheCitizen() {
		String caseId = RoutedCaseEvents.newCaseId();
		String token = routeToCommuneAndReadToken(caseId);
		assertThat(page(token)).contains("Báo cáo kết quả xử lý")
			.contains("value=\"REMOVED\"")
			.contains("action=\"/acknowledgements/" + token + "/outcome\"");

		this.web.post()
			.uri("/acknowledgements/{token}/outcome", token)
			.body(BodyInserters.fromFormData("outcome", "REMOVED").with("note", ""))
			.exchange()
			.expectStatus()
			.isSeeOther()
			.expectHeader()
			.valueEquals(HttpHeaders.LOCATION, "/acknowledgements/" + token);

		assertThat(page(token)).contains("đã báo cáo kết quả xử lý lúc")
			.contains("Thông tin sai sự thật đã được gỡ bỏ.")
			.doesNotContain("<form");
		assertThat(page(token + "?lang=en")).contains("The false information was taken down.");
	}

	@Test
	void anUnknownOutcomeIsA400WithAFieldError() {
		String token = routeToCommuneAndReadToken(RoutedCaseEvents.newCaseId());

		this.web.post()
			.uri("/api/v1/acknowledgements/{token}/outcome?lang=en", token)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("outcome", "SHRUGGED"))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("outcome")
			.jsonPath("$.errors[0].code")
			.isEqualTo("invalid-outcome");
		this.web.post()
			.uri("/api/v1/acknowledgements/{token}/outcome", token)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].code")
			.isEqualTo("required");
		this.web.post()
			.uri("/api/v1/acknowledgements/{token}/outcome", "B".repeat(43))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("outcome", "REMOVED"))
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	private String page(String tokenAndQuery) {
		return this.web.get()
			.uri("/acknowledgements/" + tokenAndQuery)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	private JsonNode reportOutcome(String token, Map<String, String> body) {
		return json.readTree(this.web.post()
			.uri("/api/v1/acknowledgements/{token}/outcome", token)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBody());
	}

	/** Routes a case to the commune, which has only an email contact point, and reads the link from the email. */
	private String routeToCommuneAndReadToken(String caseId) {
		publishRouted(caseId, RoutedCaseEvents.routedTo(caseId, "ubnd-phuong-phu-ly", "Ủy ban nhân dân phường Phủ Lý"));
		await().atMost(PATIENCE).until(() -> emailsAbout(caseId).size() == 1);
		try {
			Matcher link = LINK.matcher(textOf(emailsAbout(caseId).get(0)));
			assertThat(link.find()).as("the email carries the acknowledgement link").isTrue();
			return link.group(1);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private JsonNode acknowledge(String token, Map<String, String> body) {
		return json.readTree(this.web.post()
			.uri("/api/v1/acknowledgements/{token}", token)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBody());
	}

}
