package org.misinfodesk.notification;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import static org.assertj.core.api.Assertions.assertThat;

class AdminPageIT extends RunningService {

	static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@Test
	void anAdminLogsInSeesAgenciesAndEndpointsAndDisablesOneFromThePage() {
		String url = receiver.newUrl();
		String id = registerWebhook("so-y-te", url).get("id").asString();
		String session = logIn(this.web, "admin", "admin");

		String html = adminPage(session).getResponseBody();
		assertThat(html).contains("Quản trị thông báo")
			.contains("Sở Y tế tỉnh Hà Nam")
			.contains("vanthu.syt@hanam.gov.vn")
			.contains(url)
			.contains("/admin/agencies/so-y-te/webhooks/" + id + "/disable")
			.doesNotContain("<script>")
			.doesNotContain("style=\"")
			.doesNotContainPattern("\\son[a-z]+=");

		this.web.post()
			.uri("/admin/agencies/so-y-te/webhooks/{id}/disable", id)
			.cookie("SESSION", session)
			.body(BodyInserters.fromFormData("_csrf", csrfOf(html)))
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
	void anAdminAddsDisablesAndDeletesAnEmailContactPointFromThePageAndARefusedAddressIsExplained() {
		String session = logIn(this.web, "admin", "admin");
		String csrf = csrfOf(adminPage(session).getResponseBody());
		String address = "tructhongtin." + java.util.UUID.randomUUID().toString().substring(0, 8) + "@hanam.gov.vn";

		pagePost(session, "/admin/agencies/ubnd-phuong-phu-ly/emails", csrf, address).expectStatus().isSeeOther();
		String id = this.web.get()
			.uri("/api/v1/agencies/ubnd-phuong-phu-ly/emails")
			.headers((headers) -> headers.setBasicAuth("admin", "admin"))
			.exchange()
			.expectBody(tools.jackson.databind.JsonNode.class)
			.returnResult()
			.getResponseBody()
			.get("items")
			.valueStream()
			.filter((item) -> address.equals(item.get("email").asString()))
			.findFirst()
			.orElseThrow()
			.get("id")
			.asString();
		try {
			assertThat(adminPage(session).getResponseBody()).contains(address)
				.contains("/admin/agencies/ubnd-phuong-phu-ly/emails/" + id + "/disable")
				.contains("data-confirm=\"Xóa điểm nhận thư " + address + "?\"");

			pagePost(session, "/admin/agencies/ubnd-phuong-phu-ly/emails/" + id + "/disable", csrf, null).expectStatus()
				.isSeeOther();
			assertThat(adminPage(session).getResponseBody())
				.contains("/admin/agencies/ubnd-phuong-phu-ly/emails/" + id + "/enable");

			String refused = pagePost(session, "/admin/agencies/ubnd-phuong-phu-ly/emails", csrf, "không phải email")
				.expectStatus()
				.isBadRequest()
				.expectHeader()
				.contentTypeCompatibleWith(MediaType.TEXT_HTML)
				.expectBody(String.class)
				.returnResult()
				.getResponseBody();
			assertThat(refused).contains("Chưa thêm được điểm nhận thư: Địa chỉ email không hợp lệ.");
			assertThat(pagePost(session, "/admin/agencies/ubnd-phuong-phu-ly/emails", csrf, "ubnd.phuly@hanam.gov.vn")
				.expectStatus()
				.isEqualTo(409)
				.expectBody(String.class)
				.returnResult()
				.getResponseBody()).contains("Chưa thêm được điểm nhận thư: Cơ quan này đã có điểm nhận thư &quot;ubnd.phuly@hanam.gov.vn&quot;.");

			pagePost(session, "/admin/agencies/ubnd-phuong-phu-ly/emails/" + id + "/delete", csrf, null).expectStatus()
				.isSeeOther();
			assertThat(adminPage(session).getResponseBody()).doesNotContain(address);
		}
		finally {
			this.web.delete()
				.uri("/api/v1/agencies/ubnd-phuong-phu-ly/emails/{id}", id)
				.headers((headers) -> headers.setBasicAuth("admin", "admin"))
				.exchange();
		}
	}

	@Test
	void anAdminCreatesAnAgencysApiKeyShownOnceOnThePageAndRevokesIt() {
		String session = logIn(this.web, "admin", "admin");
		String csrf = csrfOf(adminPage(session).getResponseBody());

		String created = pagePost(session, "/admin/agencies/so-tai-chinh/api-keys", csrf, null).expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		java.util.regex.Matcher shown = java.util.regex.Pattern.compile("<code>(mdk_[A-Za-z0-9_-]{43})</code>")
			.matcher(created);
		assertThat(shown.find()).as("the new key is on the page").isTrue();
		String key = shown.group(1);
		assertThat(created).contains("Khóa API mới của so-tai-chinh (chỉ hiển thị một lần, hãy lưu lại ngay):");
		assertThat(adminPage(session).getResponseBody()).doesNotContain(key);
		this.web.get()
			.uri("/api/v1/agency/cases")
			.header("Authorization", "Bearer " + key)
			.exchange()
			.expectStatus()
			.isOk();

		java.util.regex.Matcher named = java.util.regex.Pattern.compile("id=\"new-api-key-id\">(ak_[A-Za-z0-9_-]+)<")
			.matcher(created);
		assertThat(named.find()).isTrue();
		String id = named.group(1);
		assertThat(adminPage(session).getResponseBody())
			.contains("/admin/agencies/so-tai-chinh/api-keys/" + id + "/revoke");
		pagePost(session, "/admin/agencies/so-tai-chinh/api-keys/" + id + "/revoke", csrf, null).expectStatus()
			.isSeeOther();
		assertThat(adminPage(session).getResponseBody())
			.doesNotContain("/admin/agencies/so-tai-chinh/api-keys/" + id + "/revoke");
		this.web.get()
			.uri("/api/v1/agency/cases")
			.header("Authorization", "Bearer " + key)
			.exchange()
			.expectStatus()
			.isUnauthorized();
	}

	private WebTestClient.ResponseSpec pagePost(String session, String path, String csrf, String email) {
		var form = BodyInserters.fromFormData("_csrf", csrf);
		if (email != null) {
			form.with("email", email);
		}
		return this.web.post().uri(path).cookie("SESSION", session).body(form).exchange();
	}

	@Test
	void withoutALoginThePageSendsTheBrowserToTheLoginForm() {
		this.web.get()
			.uri("/admin")
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.isFound()
			.expectHeader()
			.valueEquals(HttpHeaders.LOCATION, "/login");
		this.web.get()
			.uri("/admin")
			.headers((headers) -> headers.setBasicAuth("admin", "admin"))
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.isFound();
	}

	@Test
	void aWrongPasswordReturnsToTheLoginFormWithAnError() {
		EntityExchangeResult<String> form = loginForm(this.web);
		this.web.post()
			.uri("/login")
			.cookie("SESSION", sessionOf(form))
			.body(BodyInserters.fromFormData("username", "admin")
				.with("password", "wrong")
				.with("_csrf", csrfOf(form.getResponseBody())))
			.exchange()
			.expectStatus()
			.isFound()
			.expectHeader()
			.valueEquals(HttpHeaders.LOCATION, "/login?error");
		assertThat(this.web.get()
			.uri("/login?error")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody()).contains("Sai tên đăng nhập hoặc mật khẩu.");
	}

	@Test
	void thePageIsForAdminsAndItsFormsNeedTheCsrfToken() {
		String supervisor = logIn(this.web, "supervisor", "supervisor");
		this.web.get()
			.uri("/admin")
			.cookie("SESSION", supervisor)
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		String admin = logIn(this.web, "admin", "admin");
		this.web.post()
			.uri("/admin/deliveries/d-x/replay")
			.cookie("SESSION", admin)
			.body(BodyInserters.fromFormData("x", "y"))
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	private EntityExchangeResult<String> adminPage(String session) {
		return this.web.get()
			.uri("/admin")
			.cookie("SESSION", session)
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("Content-Security-Policy", org.misinfodesk.platform.web.SecurityHeaders.CONTENT_SECURITY_POLICY)
			.expectBody(String.class)
			.returnResult();
	}

	/**
	 * Logs in through the form, as a browser does.
	 * @return the value of the logged-in {@code SESSION} cookie
	 */
	static String logIn(WebTestClient web, String username, String password) {
		EntityExchangeResult<String> form = loginForm(web);
		String before = sessionOf(form);
		EntityExchangeResult<Void> loggedIn = web.post()
			.uri("/login")
			.cookie("SESSION", before)
			.body(BodyInserters.fromFormData("username", username)
				.with("password", password)
				.with("_csrf", csrfOf(form.getResponseBody())))
			.exchange()
			.expectStatus()
			.isFound()
			.expectHeader()
			.valueEquals(HttpHeaders.LOCATION, "/admin")
			.expectBody()
			.isEmpty();
		ResponseCookie after = loggedIn.getResponseCookies().getFirst("SESSION");
		return after == null ? before : after.getValue();
	}

	private static EntityExchangeResult<String> loginForm(WebTestClient web) {
		return web.get().uri("/login").exchange().expectStatus().isOk().expectBody(String.class).returnResult();
	}

	private static String sessionOf(EntityExchangeResult<?> result) {
		ResponseCookie session = result.getResponseCookies().getFirst("SESSION");
		assertThat(session).as("the login form starts a session for its CSRF token").isNotNull();
		return session.getValue();
	}

	static String csrfOf(String html) {
		Matcher csrf = CSRF.matcher(html);
		assertThat(csrf.find()).as("the page carries a CSRF token").isTrue();
		return csrf.group(1);
	}

}
