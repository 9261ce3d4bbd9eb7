package org.misinfodesk.report.updates;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.misinfodesk.platform.test.CloudEventRecords;
import org.misinfodesk.platform.test.Contracts;
import org.misinfodesk.report.RunningService;
import org.misinfodesk.report.privacy.ContactProtection;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.misinfodesk.report.ReportBodies.aBareReport;

class StatusMailIT extends RunningService {

	static final String TYPE = "org.misinfodesk.report.status-changed.v1";

	static final String TOPIC = "reports.status-changed";

	@Autowired
	JsonMapper json;

	@Autowired
	ReactiveMongoTemplate mongo;

	@Autowired
	StatusMails mails;

	@Autowired
	ContactProtection protection;

	@Autowired
	MessageSource messages;

	@Autowired
	StatusMailSettings settings;

	@Test
	void emailsAConsentingReporterInTheLanguageTheyUsed() throws Exception {
		String address = "mai." + UUID.randomUUID().toString().substring(0, 8) + "@example.vn";
		Submitted submitted = submitAs("en", address);

		send(CloudEventRecords.of(TOPIC, TYPE, submitted.id(), change(submitted.id(), "FORWARDED", "Sent to the health department.")));

		MimeMessage mail = awaitMailTo(address);
		assertThat(mail.getSubject()).isEqualTo("Report " + submitted.trackingCode() + ": Forwarded to the responsible agency");
		assertThat((String) mail.getContent()).contains("tracking code " + submitted.trackingCode())
			.contains("From the responsible agency: Sent to the health department.")
			.contains("/track/" + submitted.trackingCode() + "?lang=en")
			.contains("Withdraw consent to be contacted");
	}

	@Test
	void emailsInVietnameseByDefault() throws Exception {
		String address = "lan." + UUID.randomUUID().toString().substring(0, 8) + "@example.vn";
		Submitted submitted = submitAs("vi", address);

		send(CloudEventRecords.of(TOPIC, TYPE, submitted.id(), change(submitted.id(), "IN_REVIEW", null)));

		assertThat(awaitMailTo(address).getSubject())
			.isEqualTo("Phản ánh " + submitted.trackingCode() + ": Đang xác minh");
	}

	@Test
	void owesNoMailToAnAnonymousReporter() throws Exception {
		Submitted submitted = submit(aBareReport("Tin giả về điểm thi."));

		send(CloudEventRecords.of(TOPIC, TYPE, submitted.id(), change(submitted.id(), "IN_REVIEW", null)));

		await().atMost(PATIENCE).untilAsserted(() -> assertThat(this.web.get()
			.uri("/api/v1/reports/{code}", submitted.trackingCode())
			.exchange()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody()).contains("IN_REVIEW"));
		assertThat(mailsFor(submitted.id())).isZero();
	}

	@Test
	void stopsMailingAReporterWhoWithdrewConsentOnTheStatusPage() throws Exception {
		String address = "hoa." + UUID.randomUUID().toString().substring(0, 8) + "@example.vn";
		Submitted submitted = submitAs("vi", address);
		String statusPage = "/track/" + submitted.trackingCode();
		var shown = this.web.get().uri(statusPage).exchange().expectStatus().isOk().expectBody(String.class).returnResult();
		assertThat(shown.getResponseBody()).contains("Rút lại đồng ý liên hệ");
		String token = shown.getResponseBody().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("_csrf", token);

		this.web.post()
			.uri(statusPage + "/consent-withdrawal?lang=vi")
			.cookie("XSRF-TOKEN", shown.getResponseCookies().getFirst("XSRF-TOKEN").getValue())
			.body(BodyInserters.fromFormData(form))
			.exchange()
			.expectStatus()
			.isSeeOther()
			.expectHeader()
			.location(statusPage + "?lang=vi&withdrawn=1");

		Document stored = this.mongo.findById(submitted.id(), Document.class, "reports").block();
		assertThat(stored).doesNotContainKey("contact").containsKey("contactWithdrawnAt");
		assertThat(this.web.get().uri(statusPage + "?withdrawn=1").exchange().expectBody(String.class).returnResult()
			.getResponseBody()).contains("Đã xóa thông tin liên hệ của bạn").doesNotContain("Rút lại đồng ý liên hệ");

		send(CloudEventRecords.of(TOPIC, TYPE, submitted.id(), change(submitted.id(), "RESOLVED", null)));
		await().atMost(PATIENCE).untilAsserted(() -> assertThat(this.web.get()
			.uri("/api/v1/reports/{code}", submitted.trackingCode())
			.exchange()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody()).contains("RESOLVED"));
		assertThat(mailsFor(submitted.id())).isZero();
		assertThat(Arrays.stream(MAIL.getReceivedMessages()).filter((mail) -> sentTo(mail, address))).isEmpty();
	}

	@Test
	void keepsAMailThatCouldNotBeSentAndSendsItOnALaterTry() throws Exception {
		String address = "tuan." + UUID.randomUUID().toString().substring(0, 8) + "@example.vn";
		Submitted submitted = submitAs("vi", address);
		StatusMail owed = new StatusMail(submitted.id() + ":" + UUID.randomUUID(), submitted.id(), "CLOSED", null,
				StatusMail.State.PENDING, 1, Instant.now().plusSeconds(3600), null, Instant.now());
		this.mongo.insert(owed, StatusMails.COLLECTION).block();
		JavaMailSenderImpl unreachable = new JavaMailSenderImpl();
		unreachable.setHost("127.0.0.1");
		unreachable.setPort(1);
		SendingStatusMails failing = new SendingStatusMails(this.mails, this.mongo, this.protection, unreachable,
				this.messages, this.settings, Clock.systemUTC());

		failing.send(owed).block();

		StatusMail kept = this.mails.findById(owed.id()).block();
		assertThat(kept.state()).isEqualTo(StatusMail.State.PENDING);
		assertThat(kept.lastError()).isEqualTo("MailSendException");
		assertThat(kept.nextAttemptAt()).isBefore(Instant.now().plusSeconds(5));
		// the running sender picks it up from the stored state once its time has come
		awaitMailTo(address);
		await().atMost(PATIENCE).until(() -> this.mails.findById(owed.id()).block().state() == StatusMail.State.SENT);
	}

	private Submitted submitAs(String lang, String address) {
		Map<String, Object> body = aBareReport("Clip cắt ghép nói trường học đóng cửa vì dịch.");
		body.put("reporter", Map.of("email", address, "contactConsent", true));
		return this.web.post()
			.uri("/api/v1/reports?lang=" + lang)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Submitted.class)
			.returnResult()
			.getResponseBody();
	}

	private MimeMessage awaitMailTo(String address) {
		return await().atMost(PATIENCE)
			.until(() -> Arrays.stream(MAIL.getReceivedMessages()).filter((mail) -> sentTo(mail, address)).findFirst(),
					java.util.Optional::isPresent)
			.get();
	}

	private static boolean sentTo(MimeMessage mail, String address) {
		try {
			return List.of(mail.getAllRecipients()).stream().anyMatch((to) -> to.toString().equals(address));
		}
		catch (jakarta.mail.MessagingException ex) {
			return false;
		}
	}

	private long mailsFor(String reportId) {
		return this.mongo.count(Query.query(Criteria.where("reportId").is(reportId)), StatusMails.COLLECTION).block();
	}

	private String change(String reportId, String status, String note) {
		ObjectNode example = (ObjectNode) this.json.readTree(Contracts.example(TYPE));
		example.put("reportId", reportId);
		example.put("status", status);
		example.put("changedAt", Instant.now().toString());
		if (note == null) {
			example.remove("publicNote");
		}
		else {
			example.put("publicNote", note);
		}
		return this.json.writeValueAsString(example);
	}

}
