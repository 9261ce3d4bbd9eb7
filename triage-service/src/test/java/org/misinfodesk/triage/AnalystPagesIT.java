package org.misinfodesk.triage;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

import static org.assertj.core.api.Assertions.assertThat;

class AnalystPagesIT extends RunningTriageService {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@Test
	void anonymousVisitorIsSentToTheLoginPage() {
		anonymous().get()
			.uri("/")
			.exchange()
			.expectStatus()
			.is3xxRedirection()
			.expectHeader()
			.location("/login");
		String login = page(null, "/login");
		assertThat(login).contains("Đăng nhập").doesNotContain("Sai tên đăng nhập");
		assertThat(CSRF.matcher(login).results().count()).as("one CSRF field").isEqualTo(1);
	}

	@Test
	void analystLogsInAndSeesTheQueueInVietnameseOrEnglish() {
		String caseId = submit(ReportEvents.aHealthRumour(freshReportId()));
		String session = logIn(ANALYST);

		String queue = page(session, "/");
		assertThat(queue).contains("Hồ sơ chờ phân loại").contains("data-id=\"" + caseId + "\"")
			.contains("Bài đăng trên Facebook nói rằng uống nước lá ổi")
			.contains("/api/v1/cases/stream");
		assertThat(page(session, "/?lang=en")).contains("Cases waiting for triage")
			.contains("href=\"/cases/" + caseId + "?lang=en\"");
	}

	@Test
	void wrongPasswordReturnsToTheLoginPage() {
		Form login = form(null, "/login");
		login.fields.add("username", ANALYST);
		login.fields.add("password", "wrong");
		anonymous().post()
			.uri("/login")
			.cookie("SESSION", login.session)
			.body(BodyInserters.fromFormData(login.fields))
			.exchange()
			.expectStatus()
			.is3xxRedirection()
			.expectHeader()
			.location("/login?error");
		assertThat(page(null, "/login?error")).contains("Sai tên đăng nhập hoặc mật khẩu.");
	}

	@Test
	void analystClaimsAndRoutesACaseThroughThePages() {
		String caseId = submit(ReportEvents.aHealthRumour(freshReportId()));
		String session = logIn(ANALYST);
		assertThat(page(session, "/cases/" + caseId)).contains("Nhận xử lý").contains("Mới");

		Form claim = form(session, "/cases/" + caseId);
		post(session, "/cases/" + caseId + "/claim", claim.fields).expectStatus()
			.isSeeOther()
			.expectHeader()
			.location("/cases/" + caseId);
		assertThat(caseOf(caseId).get("claimedBy").asString()).isEqualTo(ANALYST);

		Form decision = form(session, "/cases/" + caseId);
		decision.fields.add("verdict", "FAKE");
		decision.fields.add("category", "HEALTH");
		decision.fields.add("severity", "HIGH");
		decision.fields.add("localityCode", "HNA-PHU-LY");
		decision.fields.add("agencyIds", "so-y-te");
		decision.fields.add("publicNote", Decisions.PUBLIC_NOTE);
		decision.fields.add("note", "");
		post(session, "/cases/" + caseId + "/decision", decision.fields).expectStatus().isSeeOther();

		assertThat(caseOf(caseId).get("status").asString()).isEqualTo("ROUTED");
		assertThat(page(session, "/cases/" + caseId)).contains("Đã chuyển cơ quan").contains("Sở Y tế tỉnh Hà Nam");
	}

	@Test
	void invalidDecisionFormComesBackWithItsErrors() {
		String caseId = submit(ReportEvents.aHealthRumour(freshReportId()));
		String session = logIn(ANALYST);
		Form claim = form(session, "/cases/" + caseId);
		post(session, "/cases/" + caseId + "/claim", claim.fields).expectStatus().isSeeOther();

		Form decision = form(session, "/cases/" + caseId);
		decision.fields.add("verdict", "FAKE");
		decision.fields.add("localityCode", "HNA PHU LY");
		EntityExchangeResult<String> result = post(session, "/cases/" + caseId + "/decision?lang=en", decision.fields)
			.expectStatus()
			.isBadRequest()
			.expectBody(String.class)
			.returnResult();
		assertThat(result.getResponseBody()).contains("This field is required.")
			.contains("Invalid value.")
			.contains("value=\"HNA PHU LY\"");
		assertThat(caseOf(caseId).get("status").asString()).isEqualTo("IN_REVIEW");
	}

	@Test
	void claimHeldByAnotherAnalystIsExplainedOnThePage() {
		String caseId = submit(ReportEvents.aHealthRumour(freshReportId()));
		claim(caseId, ANALYST);
		String session = logIn(ANALYST_2);

		Form claim = form(session, "/cases/" + caseId);
		String page = post(session, "/cases/" + caseId + "/claim", claim.fields).expectStatus()
			.isEqualTo(HttpStatus.CONFLICT)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(page).contains("Hồ sơ đang được analyst xử lý đến");
	}

	@Test
	void formWithoutCsrfTokenIsRefused() {
		String caseId = submit(ReportEvents.aHealthRumour(freshReportId()));
		String session = logIn(ANALYST);

		post(session, "/cases/" + caseId + "/claim", new LinkedMultiValueMap<>()).expectStatus().isForbidden();
		assertThat(caseOf(caseId).get("claimedBy").isNull()).isTrue();
	}

	@Test
	void loginSessionReadsTheApiButCannotChangeIt() {
		String caseId = submit(ReportEvents.aHealthRumour(freshReportId()));
		String session = logIn(ANALYST);

		anonymous().get().uri("/api/v1/cases/{id}", caseId).cookie("SESSION", session).exchange().expectStatus().isOk();
		anonymous().post()
			.uri("/api/v1/cases/{id}/claim", caseId)
			.cookie("SESSION", session)
			.exchange()
			.expectStatus()
			.isUnauthorized();
	}

	@Test
	void supervisorSeesTheCaseButNoClaimButton() {
		String caseId = submit(ReportEvents.aHealthRumour(freshReportId()));
		String session = logIn(SUPERVISOR);

		String page = page(session, "/cases/" + caseId);
		assertThat(page).contains("Nhật ký xử lý").doesNotContain("id=\"claim\"");
		post(session, "/cases/" + caseId + "/claim", form(session, "/cases/" + caseId).fields).expectStatus()
			.isForbidden();
	}

	@Test
	void unknownCaseShowsANotFoundPage() {
		String session = logIn(ANALYST);
		anonymous().get()
			.uri("/cases/c-nothing")
			.cookie("SESSION", session)
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_HTML);
	}

	@Test
	void queueSaysWhichFilterItCouldNotApply() {
		String session = logIn(ANALYST);
		String page = anonymous().get()
			.uri("/?locality=HNA PHU LY&lang=en")
			.cookie("SESSION", session)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(page).contains("id=\"filter-errors\"").contains("locality: Invalid value.")
			.contains("value=\"HNA PHU LY\"");
		assertThat(page(session, "/?locality=HNA-PHU-LY")).doesNotContain("id=\"filter-errors\"");
	}

	@Test
	void supervisorSeesTheDashboardInVietnameseOrEnglish() {
		String session = logIn(SUPERVISOR);

		String page = page(session, "/dashboard");
		assertThat(page).contains("Bảng theo dõi xử lý tin báo")
			.contains("id=\"chart-days\"")
			.contains("data-chart=\"{&quot;days&quot;:")
			.contains("/webjars/echarts/5.3.1/dist/echarts.min.js")
			.contains("/js/dashboard.js")
			.contains("Sở Y tế tỉnh Hà Nam")
			.contains("/api/v1/cases/export?status=NEW,IN_REVIEW,ROUTED,RESOLVED,CLOSED&amp;from=")
			.doesNotContain("<script>");
		assertThat(page(session, "/dashboard?lang=en")).contains("Supervision dashboard").contains("Per day");
		anonymous().get()
			.uri("/webjars/echarts/5.3.1/dist/echarts.min.js")
			.exchange()
			.expectStatus()
			.isOk();
	}

	@Test
	void dashboardExplainsAnUnreadablePeriod() {
		String session = logIn(SUPERVISOR);
		String page = anonymous().get()
			.uri("/dashboard?from=27/11/2026&lang=en")
			.cookie("SESSION", session)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(page).contains("id=\"period-errors\"").contains("A date is year-month-day");
	}

	/** Logs in through the login form; returns the session cookie of the logged-in user. */
	private String logIn(String user) {
		Form login = form(null, "/login");
		login.fields.add("username", user);
		login.fields.add("password", user);
		EntityExchangeResult<Void> result = anonymous().post()
			.uri("/login")
			.cookie("SESSION", login.session)
			.body(BodyInserters.fromFormData(login.fields))
			.exchange()
			.expectStatus()
			.is3xxRedirection()
			.expectHeader()
			.location("/")
			.expectBody()
			.isEmpty();
		ResponseCookie session = result.getResponseCookies().getFirst("SESSION");
		assertThat(session).as("session cookie after login").isNotNull();
		return session.getValue();
	}

	private String page(String session, String path) {
		return anonymous().get()
			.uri(path)
			.cookies((cookies) -> {
				if (session != null) {
					cookies.add("SESSION", session);
				}
			})
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	/** Opens a page and starts filling its form: the CSRF token, and the session that token belongs to. */
	private Form form(String session, String path) {
		EntityExchangeResult<String> result = anonymous().get()
			.uri(path)
			.cookies((cookies) -> {
				if (session != null) {
					cookies.add("SESSION", session);
				}
			})
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult();
		Matcher csrf = CSRF.matcher(result.getResponseBody());
		assertThat(csrf.find()).as("CSRF field on " + path).isTrue();
		ResponseCookie started = result.getResponseCookies().getFirst("SESSION");
		MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
		fields.add("_csrf", csrf.group(1));
		return new Form((started != null) ? started.getValue() : session, fields);
	}

	private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec post(String session, String path,
			MultiValueMap<String, String> fields) {
		return anonymous().post()
			.uri(path)
			.cookie("SESSION", session)
			.header(HttpHeaders.ACCEPT, MediaType.TEXT_HTML_VALUE)
			.body(BodyInserters.fromFormData(fields))
			.exchange();
	}

	private record Form(String session, MultiValueMap<String, String> fields) {
	}

}
