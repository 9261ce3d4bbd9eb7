package org.misinfodesk.notification;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class EmailContactsIT extends RunningService {

	@Test
	void anAddedContactPointGetsAlertsAndRemindersWhileEnabledAndNothingOnceDisabledOrDeleted() {
		String added = "tiepnhan." + UUID.randomUUID().toString().substring(0, 8) + "@svhttdl.hanam.gov.vn";
		JsonNode contact = add("so-vhttdl", added).expectStatus()
			.isCreated()
			.expectHeader()
			.value(HttpHeaders.LOCATION, (location) -> assertThat(location).startsWith("/api/v1/agencies/so-vhttdl/emails/em_"))
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
		String id = contact.get("id").asString();
		try {
			alertsAndRemindersReach(added, id);
		}
		finally {
			asAdmin(this.web.delete().uri("/api/v1/agencies/so-vhttdl/emails/{id}", id)).exchange();
		}
		assertThat(list("so-vhttdl").valueStream().map((item) -> item.get("email").asString())).doesNotContain(added);
		String afterDeletion = RoutedCaseEvents.newCaseId();
		publishRouted(afterDeletion, RoutedCaseEvents.routedTo(afterDeletion, "so-vhttdl", "Sở VHTTDL"));
		await().atMost(PATIENCE).until(() -> emailsAbout(afterDeletion).stream()
			.anyMatch((mail) -> sentTo(mail, "baochi.svhttdl@hanam.gov.vn")));
		assertThat(emailTargetsOf(afterDeletion)).containsExactly("baochi.svhttdl@hanam.gov.vn");
	}

	private void alertsAndRemindersReach(String added, String id) {
		JsonNode contact = list("so-vhttdl").valueStream()
			.filter((item) -> id.equals(item.path("id").asString()))
			.findFirst()
			.orElseThrow();
		assertThat(contact.get("email").asString()).isEqualTo(added);
		assertThat(contact.get("source").asString()).isEqualTo("MANAGED");
		assertThat(contact.get("state").asString()).isEqualTo("ENABLED");
		JsonNode listed = list("so-vhttdl");
		assertThat(listed.get(0).get("email").asString()).isEqualTo("baochi.svhttdl@hanam.gov.vn");
		assertThat(listed.get(0).get("source").asString()).isEqualTo("CONFIGURED");
		assertThat(listed.valueStream().filter((item) -> id.equals(item.path("id").asString())).toList()).hasSize(1);

		String routed = RoutedCaseEvents.newCaseId();
		publishRouted(routed, RoutedCaseEvents.routedTo(routed, "so-vhttdl", "Sở VHTTDL"));
		// One delivery per address, sent side by side: either may arrive first.
		await().atMost(PATIENCE).until(() -> emailsAbout(routed).stream().anyMatch((mail) -> sentTo(mail, added))
				&& emailsAbout(routed).stream().anyMatch((mail) -> sentTo(mail, "baochi.svhttdl@hanam.gov.vn")));
		assertThat(textOf(emailsAbout(routed).stream().filter((mail) -> sentTo(mail, added)).findFirst().orElseThrow()))
			.contains(ACK_BASE);

		publish("cases.overdue", RemindersIT.OVERDUE, routed, RemindersIT.overdue(routed, "so-vhttdl", "ACKNOWLEDGEMENT"));
		await().atMost(PATIENCE)
			.until(() -> emailsAbout(routed).stream().filter((mail) -> sentTo(mail, added)).count() == 2);

		assertThat(admin("/api/v1/agencies/so-vhttdl/emails/{id}/disable", id).get("state").asString()).isEqualTo("DISABLED");
		String whileDisabled = RoutedCaseEvents.newCaseId();
		publishRouted(whileDisabled, RoutedCaseEvents.routedTo(whileDisabled, "so-vhttdl", "Sở VHTTDL"));
		await().atMost(PATIENCE).until(() -> emailsAbout(whileDisabled).stream()
			.anyMatch((mail) -> sentTo(mail, "baochi.svhttdl@hanam.gov.vn")));
		assertThat(emailTargetsOf(whileDisabled)).contains("baochi.svhttdl@hanam.gov.vn").doesNotContain(added);

		assertThat(admin("/api/v1/agencies/so-vhttdl/emails/{id}/enable", id).get("state").asString()).isEqualTo("ENABLED");
		String whileEnabled = RoutedCaseEvents.newCaseId();
		publishRouted(whileEnabled, RoutedCaseEvents.routedTo(whileEnabled, "so-vhttdl", "Sở VHTTDL"));
		await().atMost(PATIENCE).until(() -> emailsAbout(whileEnabled).stream().anyMatch((mail) -> sentTo(mail, added)));

		asAdmin(this.web.delete().uri("/api/v1/agencies/so-vhttdl/emails/{id}", id)).exchange().expectStatus().isNoContent();
	}

	@Test
	void malformedOrOverlongAddressesAre400ProblemsNamingTheEmailField() {
		String longDomain = "a".repeat(60) + "." + "b".repeat(60) + "." + "c".repeat(60) + "." + "d".repeat(60) + ".eeeeeeeee.vn";
		Map<String, String> refused = Map.of("", "required", "   ", "required", "vanthu", "invalid-email",
				"vanthu@hanam", "invalid-email", "van thu@hanam.gov.vn", "invalid-email", "vanthu..stc@hanam.gov.vn",
				"invalid-email", ".vanthu@hanam.gov.vn", "invalid-email", "a".repeat(65) + "@hanam.gov.vn", "invalid-email",
				"vanthu@" + longDomain, "too-long", "vanthu@-hanam.gov.vn", "invalid-email");
		refused.forEach((email, code) -> add("so-tai-chinh", email).expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("email")
			.jsonPath("$.errors[0].code")
			.isEqualTo(code));
		asAdmin(this.web.post().uri("/api/v1/agencies/so-tai-chinh/emails")).contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].code")
			.isEqualTo("required");
		asAdmin(this.web.post().uri("/api/v1/agencies/so-tai-chinh/emails")).contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"email\": ")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(list("so-tai-chinh").valueStream().map((item) -> item.get("email").asString()))
			.doesNotContainAnyElementsOf(refused.keySet());
	}

	@Test
	void anAddressTheAgencyHasAlreadyWhateverItsCaseIsA409Problem() {
		add("so-tai-chinh", "VanThu.STC@hanam.gov.vn").expectStatus()
			.isEqualTo(409)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://misinfodesk.org/problems/duplicate-contact");
		String added = "truc." + UUID.randomUUID().toString().substring(0, 8) + "@stc.hanam.gov.vn";
		String first = idOf(add("so-tai-chinh", added));
		try {
			add("so-tai-chinh", added.toUpperCase()).expectStatus().isEqualTo(409);
			String other = idOf(add("cong-an-tinh", added));
			asAdmin(this.web.delete().uri("/api/v1/agencies/cong-an-tinh/emails/{id}", other)).exchange()
				.expectStatus()
				.isNoContent();
		}
		finally {
			asAdmin(this.web.delete().uri("/api/v1/agencies/so-tai-chinh/emails/{id}", first)).exchange();
		}
	}

	@Test
	void unknownAgenciesAndContactPointsAre404Problems() {
		add("so-khong-co", "vanthu@hanam.gov.vn").expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://misinfodesk.org/problems/unknown-agency");
		for (String action : List.of("disable", "enable")) {
			asAdmin(this.web.post().uri("/api/v1/agencies/so-y-te/emails/em_nothing/" + action)).exchange()
				.expectStatus()
				.isNotFound()
				.expectHeader()
				.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("https://misinfodesk.org/problems/unknown-contact");
		}
		asAdmin(this.web.delete().uri("/api/v1/agencies/so-y-te/emails/em_nothing")).exchange()
			.expectStatus()
			.isNotFound();
		String id = idOf(add("so-tai-chinh", "khac." + UUID.randomUUID().toString().substring(0, 8) + "@hanam.gov.vn"));
		try {
			asAdmin(this.web.post().uri("/api/v1/agencies/cong-an-tinh/emails/{id}/disable", id)).exchange()
				.expectStatus()
				.isNotFound();
			asAdmin(this.web.delete().uri("/api/v1/agencies/cong-an-tinh/emails/{id}", id)).exchange()
				.expectStatus()
				.isNotFound();
		}
		finally {
			asAdmin(this.web.delete().uri("/api/v1/agencies/so-tai-chinh/emails/{id}", id)).exchange();
		}
	}

	private static String idOf(WebTestClient.ResponseSpec created) {
		return created.expectStatus()
			.isCreated()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody()
			.get("id")
			.asString();
	}

	private List<String> emailTargetsOf(String caseId) {
		return deliveriesOf(caseId).valueStream()
			.filter((delivery) -> delivery.get("kind").asString().equals("ALERT")
					&& delivery.get("channel").asString().equals("EMAIL"))
			.map((delivery) -> delivery.get("target").get("email").asString())
			.toList();
	}

	private WebTestClient.ResponseSpec add(String agencyId, String email) {
		return asAdmin(this.web.post().uri("/api/v1/agencies/{agencyId}/emails", agencyId))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("email", email))
			.exchange();
	}

	private JsonNode list(String agencyId) {
		return asAdmin(this.web.get().uri("/api/v1/agencies/{agencyId}/emails", agencyId)).exchange()
			.expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody()
			.get("items");
	}

	private JsonNode admin(String uri, Object... variables) {
		return asAdmin(this.web.post().uri(uri, variables)).exchange()
			.expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
	}

	private static <S extends WebTestClient.RequestHeadersSpec<?>> S asAdmin(S request) {
		request.headers((headers) -> headers.setBasicAuth("admin", "admin"));
		return request;
	}

}
