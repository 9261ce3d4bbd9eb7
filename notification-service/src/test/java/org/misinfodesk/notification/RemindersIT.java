package org.misinfodesk.notification;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.misinfodesk.platform.test.Contracts;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class RemindersIT extends RunningService {

	static final String OVERDUE = "org.misinfodesk.case.overdue.v1";

	static final String SUPERVISORS = "bandvh.hdnd@hanam.gov.vn";

	@Test
	void anOverdueCaseRemindsTheAgencyByWebhookAndEmailOnceHoweverOftenItArrives()
			throws Exception {
		String url = receiver.newUrl();
		String secret = registerWebhook("so-y-te", url).get("secret").asString();
		String caseId = RoutedCaseEvents.newCaseId();
		publishRouted(caseId, RoutedCaseEvents.routedTo(caseId, "so-y-te", "Sở Y tế tỉnh Hà Nam"));
		await().atMost(PATIENCE).until(() -> receiver.received(url).size() == 1);
		String acknowledgeUrl = json.readTree(receiver.received(url).get(0).body()).get("data").get("acknowledgeUrl")
			.asString();

		String overdue = overdue(caseId, "so-y-te", "ACKNOWLEDGEMENT");
		String eventId = UUID.randomUUID().toString();
		publish(eventId, "cases.overdue", OVERDUE, caseId, overdue);
		publish(eventId, "cases.overdue", OVERDUE, caseId, overdue);
		publish("cases.overdue", OVERDUE, caseId, overdue);

		await().atMost(PATIENCE).until(() -> reminders(url).size() == 1);
		WebhookReceiver.Request request = reminders(url).get(0);
		assertThat(request.header("webhook-signature")).isEqualTo(expectedSignature(secret,
				request.header("webhook-id"), request.header("webhook-timestamp"), request.body()));
		JsonNode body = json.readTree(request.body());
		assertThat(body.get("type").asString()).isEqualTo("case.overdue");
		assertThat(body.get("timestamp").asString()).isEqualTo("2026-11-28T02:10:30Z");
		JsonNode data = body.get("data");
		assertThat(data.get("caseId").asString()).isEqualTo(caseId);
		assertThat(data.get("deadline").asString()).isEqualTo("ACKNOWLEDGEMENT");
		assertThat(data.get("dueAt").asString()).isEqualTo("2026-11-28T02:10:00Z");
		assertThat(data.get("acknowledgeUrl").asString()).isEqualTo(acknowledgeUrl);

		await().atMost(PATIENCE).until(() -> reminderEmails(caseId, "vanthu.syt@hanam.gov.vn").size() == 1);
		MimeMessage reminder = reminderEmails(caseId, "vanthu.syt@hanam.gov.vn").get(0);
		assertThat(reminder.getSubject()).startsWith("[Misinfo Desk] Nhắc việc: vụ việc " + caseId + " đã quá hạn: ");
		assertThat(textOf(reminder)).contains("đã quá thời hạn xác nhận tiếp nhận (09:10 ngày 28/11/2026, giờ Việt Nam)")
			.contains(acknowledgeUrl);
		assertThat(htmlOf(reminder)).contains("<a href=\"" + acknowledgeUrl + "\"");

		await().during(Duration.ofSeconds(2)).atMost(PATIENCE).until(() -> reminders(url).size() == 1
				&& reminderEmails(caseId, "vanthu.syt@hanam.gov.vn").size() == 1);
		// Supervisors hear of it in their digest of the period (SupervisorDigestIT), not by an email of its own.
		assertThat(supervisorEmails(caseId)).isEmpty();
	}

	@Test
	void anOverdueEventThatCrossedTheAgencysAcknowledgementRemindsNobodyOfIt() {
		String caseId = RoutedCaseEvents.newCaseId();
		publishRouted(caseId, RoutedCaseEvents.routedTo(caseId, "ubnd-phuong-phu-ly", "Ủy ban nhân dân phường Phủ Lý"));
		await().atMost(PATIENCE).until(() -> emailsAbout(caseId).size() == 1);
		String token = textOf(emailsAbout(caseId).get(0)).replaceAll("(?s).*/acknowledgements/([A-Za-z0-9_-]{43}).*", "$1");
		this.web.post()
			.uri("/api/v1/acknowledgements/{token}", token)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange()
			.expectStatus()
			.isOk();

		publish("cases.overdue", OVERDUE, caseId, overdue(caseId, "ubnd-phuong-phu-ly", "ACKNOWLEDGEMENT"));
		// Same key, same partition: once the later deadline is reminded, the earlier event was handled.
		publish("cases.overdue", OVERDUE, caseId, overdue(caseId, "ubnd-phuong-phu-ly", "RESOLUTION"));

		await().atMost(PATIENCE).until(() -> reminderEmails(caseId, "ubnd.phuly@hanam.gov.vn").size() == 1);
		assertThat(textOf(reminderEmails(caseId, "ubnd.phuly@hanam.gov.vn").get(0)))
			.contains("đã quá thời hạn xử lý");
		// Same key, same partition: the acknowledgement deadline's reminder would have been sent before this one.
		await().during(Duration.ofSeconds(2)).atMost(PATIENCE)
			.until(() -> reminderEmails(caseId, "ubnd.phuly@hanam.gov.vn").size() == 1);
	}

	@Test
	void theContractExampleParsesIntoAReminder() {
		String caseId = RoutedCaseEvents.newCaseId();
		publishRouted(caseId, RoutedCaseEvents.routedTo(caseId, "so-tai-chinh", "Sở Tài chính tỉnh Hà Nam"));
		ObjectNode example = (ObjectNode) json.readTree(Contracts.example(OVERDUE));
		example.put("caseId", caseId);
		example.put("agencyId", "so-tai-chinh");
		example.put("someFieldFromTheFuture", "ignored");

		publish("cases.overdue", OVERDUE, caseId, json.writeValueAsString(example));

		await().atMost(PATIENCE).until(() -> reminderEmails(caseId, "vanthu.stc@hanam.gov.vn").size() == 1);
		assertThat(deliveriesOf(caseId).valueStream().map((delivery) -> delivery.get("kind").asString()))
			.containsOnly("ALERT", "REMINDER");
	}

	static String overdue(String caseId, String agencyId, String deadline) {
		ObjectNode body = (ObjectNode) json.readTree(Contracts.example(OVERDUE));
		body.put("caseId", caseId);
		body.put("agencyId", agencyId);
		body.put("deadline", deadline);
		String text = json.writeValueAsString(body);
		Contracts.assertValid(OVERDUE, text);
		return text;
	}

	private static List<WebhookReceiver.Request> reminders(String url) {
		return receiver.received(url).stream().filter((request) -> request.body().contains("\"case.overdue\"")).toList();
	}

	private static List<MimeMessage> reminderEmails(String caseId, String address) {
		return emailsAbout(caseId).stream().filter((message) -> sentTo(message, address)).filter((message) -> {
			try {
				return message.getSubject().contains("Nhắc việc");
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

	private static List<MimeMessage> supervisorEmails(String caseId) {
		return emailsAbout(caseId).stream().filter((message) -> sentTo(message, SUPERVISORS)).toList();
	}

}
