package org.misinfodesk.report.intake.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.misinfodesk.platform.test.Contracts;
import org.misinfodesk.report.RunningService;
import org.misinfodesk.report.privacy.Contact;
import org.misinfodesk.report.privacy.ContactProtection;
import org.misinfodesk.report.privacy.SealedContact;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.misinfodesk.report.ReportBodies.aBareReport;
import static org.misinfodesk.report.ReportBodies.aConsentingReporter;
import static org.misinfodesk.report.ReportBodies.aHealthRumour;
import static org.misinfodesk.report.ReportBodies.aHealthRumourBy;
import static org.misinfodesk.report.ReportBodies.aReporterWithoutConsent;

class ReportApiIT extends RunningService {

	static final String SUBMITTED = "org.misinfodesk.report.submitted.v1";

	@Autowired
	ReactiveMongoTemplate mongo;

	@Autowired
	ContactProtection protection;

	@Test
	void acceptsAReportWithItsTrackingCodeAndLocation() {
		this.web.post()
			.uri("/api/v1/reports")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(aHealthRumour())
			.exchange()
			.expectStatus()
			.isCreated()
			.expectHeader()
			.value("Location", (location) -> assertThat(location).matches("/api/v1/reports/[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}"))
			.expectHeader()
			.doesNotExist("Idempotent-Replayed")
			.expectBody()
			.jsonPath("$.id").isNotEmpty()
			.jsonPath("$.trackingCode").value((String code) -> assertThat(code).matches("[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}"))
			.jsonPath("$.status").isEqualTo("RECEIVED")
			.jsonPath("$.submittedAt").isNotEmpty();
	}

	@Test
	void ignoresFieldsItDoesNotKnowSoThatClientsMayBeNewerThanIt() {
		Map<String, Object> body = aBareReport("Ảnh chế về giá xăng tăng gấp đôi từ ngày mai.");
		body.put("evidenceCount", 0);
		body.put("reporter", Map.of("contactConsent", false, "preferredChannel", "sms"));

		submit(body);
	}

	@Test
	void announcesTheReportAsACloudEventThatMeetsItsContract() {
		Submitted submitted = submit(aHealthRumour());

		ConsumerRecord<String, String> record = recordOn("reports.submitted", submitted.id());

		assertThat(header(record, "ce_type")).isEqualTo(SUBMITTED);
		assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
		assertThat(header(record, "ce_source")).isEqualTo("/report-service");
		assertThat(header(record, "ce_id")).isNotBlank();
		assertThat(header(record, "ce_time")).isNotBlank();
		assertThat(header(record, "content-type")).isEqualTo("application/json");
		Contracts.assertValid(SUBMITTED, record.value());
		assertThat(record.value()).contains("\"trackingCode\":\"" + submitted.trackingCode() + "\"")
			.contains("\"categoryHint\":\"HEALTH\"")
			.contains("\"language\":\"vi\"");
	}

	@Test
	void announcesAReportWithOnlyContentInEnglishToo() {
		Submitted submitted = this.web.post()
			.uri("/api/v1/reports?lang=en")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(aBareReport("A video claims the dam upstream has burst."))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Submitted.class)
			.returnResult()
			.getResponseBody();

		String body = recordOn("reports.submitted", submitted.id()).value();

		Contracts.assertValid(SUBMITTED, body);
		assertThat(body).contains("\"language\":\"en\"");
	}

	@Test
	void keepsTheContactOfAConsentingReporterOnlyEncryptedAndNeverPublishesIt() {
		Submitted submitted = submit(aHealthRumourBy(aConsentingReporter()));

		String event = recordOn("reports.submitted", submitted.id()).value();
		assertThat(event).doesNotContain("Lan", "lan.nguyen", "912", "reporter", "contact");

		Document stored = this.mongo.findById(submitted.id(), Document.class, "reports").block();
		assertThat(stored.toJson()).doesNotContain("Lan", "lan.nguyen", "912 345");
		Document contact = stored.get("contact", Document.class);
		Contact opened = this.protection
			.open(new SealedContact(contact.getString("keyId"), contact.getString("ciphertext")), submitted.id());
		assertThat(opened).isEqualTo(new Contact("Nguyễn Thị Lan", "lan.nguyen@example.vn", "+84 912 345 678"));

		this.web.get()
			.uri("/api/v1/reports/" + submitted.trackingCode())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((status) -> assertThat(status).doesNotContain("Lan", "lan.nguyen", "912", "contact"));
	}

	@Test
	void discardsTheContactOfAReporterWhoDidNotConsent() {
		Submitted submitted = submit(aHealthRumourBy(aReporterWithoutConsent()));

		Document stored = this.mongo.findById(submitted.id(), Document.class, "reports").block();
		assertThat(stored).doesNotContainKey("contact");
		assertThat(stored.toJson()).doesNotContain("Bình", "binh.tran", "654 321");
		assertThat(recordOn("reports.submitted", submitted.id()).value()).doesNotContain("binh.tran");
	}

	@Test
	void refusesInvalidFieldsWithEveryProblemInVietnamese() {
		Map<String, Object> body = aHealthRumour();
		body.put("content", " ");
		body.put("sourceUrl", "ftp://example.vn/x");
		body.put("platform", "MYSPACE");

		this.web.post()
			.uri("/api/v1/reports")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type").isEqualTo("https://misinfodesk.org/problems/validation")
			.jsonPath("$.title").isEqualTo("Dữ liệu chưa hợp lệ")
			.jsonPath("$.status").isEqualTo(400)
			.jsonPath("$.errors.length()").isEqualTo(3)
			.jsonPath("$.errors[0].field").isEqualTo("content")
			.jsonPath("$.errors[0].code").isEqualTo("required")
			.jsonPath("$.errors[0].message").isEqualTo("Trường này là bắt buộc.")
			.jsonPath("$.errors[1].field").isEqualTo("sourceUrl")
			.jsonPath("$.errors[1].message").isEqualTo("Đường dẫn phải bắt đầu bằng http:// hoặc https://.")
			.jsonPath("$.errors[2].field").isEqualTo("platform")
			.jsonPath("$.errors[2].message").value((String message) -> assertThat(message).startsWith("Giá trị không nằm trong danh sách cho phép: FACEBOOK, YOUTUBE"));
	}

	@Test
	void refusesInvalidFieldsInEnglishWhenAskedTo() {
		Map<String, Object> body = aBareReport("x".repeat(10001));
		body.put("seenAt", "2999-01-01T00:00:00+07:00");

		for (WebTestClient.RequestHeadersSpec<?> request : List.of(
				this.web.post().uri("/api/v1/reports?lang=en").contentType(MediaType.APPLICATION_JSON).bodyValue(body),
				this.web.post()
					.uri("/api/v1/reports")
					.header("Accept-Language", "en-GB,en;q=0.9")
					.contentType(MediaType.APPLICATION_JSON)
					.bodyValue(body))) {
			request.exchange()
				.expectStatus()
				.isBadRequest()
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.title").isEqualTo("Invalid input")
				.jsonPath("$.errors[0].field").isEqualTo("content")
				.jsonPath("$.errors[0].message").isEqualTo("At most 10,000 characters.")
				.jsonPath("$.errors[1].field").isEqualTo("seenAt")
				.jsonPath("$.errors[1].code").isEqualTo("in-future")
				.jsonPath("$.errors[1].message").isEqualTo("This time has not come yet; enter when you saw the information.");
		}
	}

	@Test
	void refusesAConsentingReporterWithoutAWayToBeReached() {
		this.web.post()
			.uri("/api/v1/reports?lang=en")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(aHealthRumourBy(Map.of("name", "Lan", "contactConsent", true)))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field").isEqualTo("reporter.email")
			.jsonPath("$.errors[0].message").isEqualTo("To be contacted, give an email address or a phone number.");
	}

	@Test
	void answersUnreadableBodiesWithAProblemNotAServerError() {
		for (String body : List.of("{\"content\": ", "[1,2]", "{\"content\":\"x\",\"reporter\":\"me\"}",
				"{\"content\":\"x\",\"reporter\":{\"contactConsent\":\"maybe\"}}", "null", "")) {
			this.web.post()
				.uri("/api/v1/reports")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(body)
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.type").isEqualTo("https://misinfodesk.org/problems/malformed-request");
		}
	}

	@Test
	void refusesBodiesThatAreNotJson() {
		this.web.post()
			.uri("/api/v1/reports")
			.contentType(MediaType.TEXT_PLAIN)
			.bodyValue("content=hello")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void answersARepeatedRequestWithTheSameKeyWithTheSameReport() {
		String key = UUID.randomUUID().toString();

		EntityExchangeResult<Submitted> first = submitWithKey(key, aHealthRumour());
		EntityExchangeResult<Submitted> again = submitWithKey(key, aHealthRumour());

		assertThat(first.getResponseHeaders().getFirst("Idempotent-Replayed")).isNull();
		assertThat(again.getResponseHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
		assertThat(again.getResponseBody()).isEqualTo(first.getResponseBody());
		assertThat(again.getResponseHeaders().getLocation()).isEqualTo(first.getResponseHeaders().getLocation());
	}

	@Test
	void makesOneReportOfConcurrentRequestsWithTheSameKey() {
		String key = UUID.randomUUID().toString();
		Map<String, Object> body = aBareReport("Tin nhắn giả danh ngân hàng yêu cầu cập nhật tài khoản.");

		List<Submitted> answers = Flux.range(0, 6)
			.parallel(6)
			.runOn(Schedulers.boundedElastic())
			.map((i) -> submitWithKey(key, body).getResponseBody())
			.sequential()
			.collectList()
			.block();

		assertThat(answers).hasSize(6).extracting(Submitted::trackingCode).containsOnly(answers.get(0).trackingCode());
		assertThat(this.mongo.count(Query.query(Criteria.where("trackingCode").is(answers.get(0).trackingCode())),
				"reports").block()).isEqualTo(1);
	}

	@Test
	void refusesTheSameKeyWithADifferentReport() {
		String key = UUID.randomUUID().toString();
		submitWithKey(key, aHealthRumour());

		this.web.post()
			.uri("/api/v1/reports")
			.header("Idempotency-Key", key)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(aBareReport("Một phản ánh khác hẳn."))
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type").isEqualTo("https://misinfodesk.org/problems/idempotency-key-reused")
			.jsonPath("$.title").isEqualTo("Khóa Idempotency-Key đã được dùng");
	}

	@Test
	void refusesAnUnusableIdempotencyKeyAsAFieldProblem() {
		this.web.post()
			.uri("/api/v1/reports?lang=en")
			.header("Idempotency-Key", "k".repeat(256))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(aHealthRumour())
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field").isEqualTo("Idempotency-Key")
			.jsonPath("$.errors[0].message").isEqualTo("At most 255 characters.");
	}

	@Test
	void storesTheReportAndItsEventTogetherAndEmptiesTheOutboxOncePublished() {
		Submitted submitted = submit(aHealthRumour());

		recordOn("reports.submitted", submitted.id());

		await().atMost(PATIENCE).untilAsserted(() -> {
			Document stored = this.mongo.findById(submitted.id(), Document.class, "reports").block();
			assertThat(stored.getString("status")).isEqualTo("RECEIVED");
			assertThat(stored.getList("history", Document.class)).hasSize(1);
			assertThat(stored.getList("outbox", Document.class)).isEmpty();
		});
	}

	private EntityExchangeResult<Submitted> submitWithKey(String key, Map<String, Object> body) {
		return this.web.post()
			.uri("/api/v1/reports")
			.header("Idempotency-Key", key)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Submitted.class)
			.returnResult();
	}

	private static String header(ConsumerRecord<String, String> record, String name) {
		return new String(record.headers().lastHeader(name).value());
	}

}
