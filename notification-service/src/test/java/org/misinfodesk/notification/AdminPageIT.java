package org.misinfodesk.notification;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.web.reactive.function.BodyInserters;

import static org.assertj.core.api.Assertions.assertThat;

class AdminPageIT extends RunningService {

	static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@Test
	void anAdminSeesAgenciesAndEndpointsAndDisablesOneFromThePage() {
		String url = receiver.newUrl();
		String id = registerWebhook("so-y-te", url).get("id").asString();

		EntityExchangeResult<String> page = this.web.get()
			.uri("/admin")
			.headers((headers) -> headers.setBasicAuth("admin", "admin"))
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult();
		String html = page.getResponseBody();
		assertThat(html).contains("Quản trị thông báo")
			.contains("Sở Y tế tỉnh Hà Nam")
			.contains("vanthu.syt@hanam.gov.vn")
			.contains(url)
			.contains("/admin/agencies/so-y-te/webhooks/" + id + "/disable");
		Matcher csrf = CSRF.matcher(html);
		assertThat(csrf.find()).isTrue();
		ResponseCookie session = page.getResponseCookies().getFirst("SESSION");
		assertThat(session).isNotNull();

		this.web.post()
			.uri("/admin/agencies/so-y-te/webhooks/{id}/disable", id)
			.headers((headers) -> headers.setBasicAuth("admin", "admin"))
			.cookie("SESSION", session.getValue())
			.body(BodyInserters.fromFormData("_csrf", csrf.group(1)))
			.exchange()
			.expectStatus()
			.isSeeOther()
			.expectHeader()
			.valueEquals(HttpHeaders.LOCATION, "/admin");

		this.web.get()
			.uri("/api/v1/agencies/so-y-te/webhooks/{id}", id)
			.headers((headers) -> headers.setBasicAuth("admin", "admin"))
			.exchange()
			.expectBody()
			.jsonPath("$.state")
			.isEqualTo("DISABLED");
	}

	@Test
	void thePageIsForAdminsAndItsFormsNeedTheCsrfToken() {
		this.web.get()
			.uri("/admin")
			.headers((headers) -> headers.setBasicAuth("supervisor", "supervisor"))
			.exchange()
			.expectStatus()
			.isForbidden();
		this.web.post()
			.uri("/admin/deliveries/d-x/replay")
			.headers((headers) -> headers.setBasicAuth("admin", "admin"))
			.body(BodyInserters.fromFormData("x", "y"))
			.exchange()
			.expectStatus()
			.isForbidden();
	}

}
