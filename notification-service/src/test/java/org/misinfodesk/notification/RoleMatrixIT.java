package org.misinfodesk.notification;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who gets what from every endpoint of the service: one row per endpoint, one expected status per
 * caller. The API takes HTTP Basic, the agency API only an agency's key as a bearer token; the
 * administrators' page takes the session of a form login, and its forms the session's CSRF token. Where a role is let through, ids that do not exist or
 * bodies that are refused keep the request from changing anything: the 400 or 404 comes from the
 * handler, past the security checks.
 */
class RoleMatrixIT extends RunningService {

	enum Caller {

		ANONYMOUS(null), ANALYST("analyst"), SUPERVISOR("supervisor"), ADMIN("admin"),

		/** An agency's system with its API key as a bearer token, and no staff account. */
		AGENCY(null);

		final String account;

		Caller(String account) {
			this.account = account;
		}

	}

	enum Via {

		/** The API: HTTP Basic credentials on every request. */
		BASIC,

		/** A page: the browser's session cookie and, on a form, its CSRF token. */
		SESSION

	}

	/**
	 * An endpoint and the status each caller gets, in the order anonymous, analyst, supervisor, admin,
	 * agency (which is the anonymous caller's unless the row says otherwise: a key opens nothing but
	 * the agency API).
	 */
	record Row(Via via, HttpMethod method, String path, String json, int anonymous, int analyst, int supervisor,
			int admin, int agency) {

		int expectedFor(Caller caller) {
			return switch (caller) {
				case ANONYMOUS -> this.anonymous;
				case ANALYST -> this.analyst;
				case SUPERVISOR -> this.supervisor;
				case ADMIN -> this.admin;
				case AGENCY -> this.agency;
			};
		}

	}

	static final String NO_TOKEN = "Z".repeat(43);

	static final String WEBHOOKS = "/api/v1/agencies/so-y-te/webhooks";

	static final String EMAILS = "/api/v1/agencies/so-y-te/emails";

	static final String KEYS = "/api/v1/agencies/so-y-te/api-keys";

	/** The API key of so-y-te's system, created once by the administrator. */
	static volatile String agencyKey;

	static final List<Row> TABLE = List.of(
			// path                                                        anonymous analyst supervisor admin
			api(HttpMethod.GET, "/api/v1/agencies", null, 401, 403, 200, 200),
			api(HttpMethod.GET, "/api/v1/deliveries?caseId=c-none", null, 401, 403, 200, 200),
			api(HttpMethod.GET, "/api/v1/deliveries?state=FAILED", null, 401, 403, 200, 200),
			api(HttpMethod.POST, "/api/v1/deliveries/d-none/replay", null, 401, 403, 403, 404),
			api(HttpMethod.POST, WEBHOOKS, "{\"url\": \"ftp://hanam.gov.vn/hook\"}", 401, 403, 403, 400),
			api(HttpMethod.GET, WEBHOOKS, null, 401, 403, 403, 200),
			api(HttpMethod.GET, WEBHOOKS + "/ep_none", null, 401, 403, 403, 404),
			api(HttpMethod.POST, WEBHOOKS + "/ep_none/disable", null, 401, 403, 403, 404),
			api(HttpMethod.POST, WEBHOOKS + "/ep_none/enable", null, 401, 403, 403, 404),
			api(HttpMethod.POST, WEBHOOKS + "/ep_none/secret/rotate", null, 401, 403, 403, 404),
			api(HttpMethod.POST, WEBHOOKS + "/ep_none/recover", "{\"since\": \"2026-11-27T00:00:00Z\"}", 401, 403, 403, 404),
			api(HttpMethod.DELETE, WEBHOOKS + "/ep_none", null, 401, 403, 403, 404),
			api(HttpMethod.POST, EMAILS, "{\"email\": \"not an address\"}", 401, 403, 403, 400),
			api(HttpMethod.GET, EMAILS, null, 401, 403, 403, 200),
			api(HttpMethod.POST, EMAILS + "/em_none/disable", null, 401, 403, 403, 404),
			api(HttpMethod.POST, EMAILS + "/em_none/enable", null, 401, 403, 403, 404),
			api(HttpMethod.DELETE, EMAILS + "/em_none", null, 401, 403, 403, 404),
			api(HttpMethod.POST, KEYS, null, 401, 403, 403, 201),
			api(HttpMethod.GET, KEYS, null, 401, 403, 403, 200),
			api(HttpMethod.DELETE, KEYS + "/ak_none", null, 401, 403, 403, 404),
			// The agency API takes the agency's key and nothing else; a case not routed to it is unknown.
			api(HttpMethod.GET, "/api/v1/agency/cases?state=open", null, 401, 401, 401, 401, 200),
			api(HttpMethod.POST, "/api/v1/agency/cases/c-none/acknowledgement", "{}", 401, 401, 401, 401, 404),
			api(HttpMethod.POST, "/api/v1/agency/cases/c-none/outcome", "{\"outcome\": \"REMOVED\"}", 401, 401, 401,
					401, 404),
			api(HttpMethod.GET, "/api/v1/dead-letters", null, 401, 403, 403, 400),
			api(HttpMethod.POST, "/api/v1/dead-letters/cases.routed/0/x/replay", null, 401, 403, 403, 400),
			// The token in the link is the agency's credential: staff accounts change nothing.
			api(HttpMethod.POST, "/api/v1/acknowledgements/" + NO_TOKEN, "{}", 404, 404, 404, 404),
			api(HttpMethod.POST, "/api/v1/acknowledgements/" + NO_TOKEN + "/outcome", "{\"outcome\": \"REMOVED\"}", 404,
					404, 404, 404),
			api(HttpMethod.GET, "/actuator/health", null, 200, 200, 200, 200),
			api(HttpMethod.GET, "/actuator/prometheus", null, 200, 200, 200, 200),
			api(HttpMethod.GET, "/v3/api-docs", null, 200, 200, 200, 200),
			page(HttpMethod.GET, "/acknowledgements/" + NO_TOKEN, 404, 404, 404, 404),
			page(HttpMethod.POST, "/acknowledgements/" + NO_TOKEN, 404, 404, 404, 404),
			page(HttpMethod.POST, "/acknowledgements/" + NO_TOKEN + "/outcome", 404, 404, 404, 404),
			page(HttpMethod.GET, "/login", 200, 200, 200, 200),
			page(HttpMethod.GET, "/css/notification.css", 200, 200, 200, 200),
			page(HttpMethod.GET, "/js/admin.js", 200, 200, 200, 200),
			// Without a login the page sends the browser to the login form.
			page(HttpMethod.GET, "/admin", 302, 403, 403, 200),
			page(HttpMethod.POST, "/admin/deliveries/d-none/replay", 302, 403, 403, 404),
			page(HttpMethod.POST, "/admin/agencies/so-y-te/webhooks/ep_none/disable", 302, 403, 403, 404),
			page(HttpMethod.POST, "/admin/agencies/so-y-te/webhooks/ep_none/enable", 302, 403, 403, 404),
			page(HttpMethod.POST, "/admin/agencies/so-y-te/emails", 302, 403, 403, 400),
			page(HttpMethod.POST, "/admin/agencies/so-y-te/emails/em_none/disable", 302, 403, 403, 404),
			page(HttpMethod.POST, "/admin/agencies/so-y-te/emails/em_none/enable", 302, 403, 403, 404),
			page(HttpMethod.POST, "/admin/agencies/so-y-te/emails/em_none/delete", 302, 403, 403, 404),
			page(HttpMethod.POST, "/admin/agencies/so-y-te/api-keys", 302, 403, 403, 200),
			page(HttpMethod.POST, "/admin/agencies/so-y-te/api-keys/ak_none/revoke", 302, 403, 403, 404));

	/** Each caller's browser session (logged in, except the anonymous one's) and its CSRF token. */
	static final Map<Caller, String[]> sessions = new ConcurrentHashMap<>();

	static Stream<Arguments> table() {
		List<Arguments> cases = new ArrayList<>();
		for (Row row : TABLE) {
			for (Caller caller : Caller.values()) {
				cases.add(Arguments.of(row.method(), row.path(), caller, row.expectedFor(caller), row));
			}
		}
		return cases.stream();
	}

	@ParameterizedTest(name = "{0} {1} as {2} → {3}")
	@MethodSource("table")
	void everyCallerGetsTheStatusTheTableGivesIt(HttpMethod method, String path, Caller caller, int expected, Row row) {
		WebTestClient.RequestBodySpec request = roomyWeb().method(method).uri(path);
		if (caller == Caller.AGENCY) {
			request.header(HttpHeaders.AUTHORIZATION, "Bearer " + agencyKey());
		}
		if (row.via() == Via.BASIC) {
			if (caller.account != null) {
				request.headers((headers) -> headers.setBasicAuth(caller.account, caller.account));
			}
			if (row.json() != null) {
				request.contentType(MediaType.APPLICATION_JSON).bodyValue(row.json());
			}
		}
		else {
			String[] session = sessions.computeIfAbsent(caller, this::sessionOf);
			request.cookie("SESSION", session[0]).accept(MediaType.TEXT_HTML);
			if (method == HttpMethod.POST) {
				request.body(BodyInserters.fromFormData("_csrf", session[1]).with("email", "not an address"));
			}
		}

		EntityExchangeResult<byte[]> answer = request.exchange().expectBody().returnResult();

		assertThat(answer.getStatus().value()).as("%s %s as %s", method, path, caller).isEqualTo(expected);
		if (expected == 401 || expected == 403 || (row.via() == Via.BASIC && expected >= 400)) {
			assertThat(answer.getResponseHeaders().getContentType()).as("%s %s as %s", method, path, caller)
				.isNotNull()
				.matches(MediaType.APPLICATION_PROBLEM_JSON::isCompatibleWith);
		}
		if (expected == 302) {
			assertThat(answer.getResponseHeaders().getFirst(HttpHeaders.LOCATION)).isEqualTo("/login");
		}
	}

	private String agencyKey() {
		if (agencyKey == null) {
			agencyKey = this.web.post()
				.uri(KEYS)
				.headers((headers) -> headers.setBasicAuth("admin", "admin"))
				.exchange()
				.expectStatus()
				.isCreated()
				.expectBody(JsonNode.class)
				.returnResult()
				.getResponseBody()
				.get("key")
				.asString();
		}
		return agencyKey;
	}

	/** Logs in through the form (or only opens it, for the anonymous caller) and reads a CSRF token of the session. */
	private String[] sessionOf(Caller caller) {
		String session;
		if (caller.account != null) {
			session = AdminPageIT.logIn(this.web, caller.account, caller.account);
		}
		else {
			session = this.web.get()
				.uri("/login")
				.exchange()
				.expectBody()
				.returnResult()
				.getResponseCookies()
				.getFirst("SESSION")
				.getValue();
		}
		String form = this.web.get()
			.uri("/login")
			.cookie("SESSION", session)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		return new String[] { session, AdminPageIT.csrfOf(form) };
	}

	private static Row api(HttpMethod method, String path, String json, int anonymous, int analyst, int supervisor,
			int admin) {
		return api(method, path, json, anonymous, analyst, supervisor, admin, anonymous);
	}

	private static Row api(HttpMethod method, String path, String json, int anonymous, int analyst, int supervisor,
			int admin, int agency) {
		return new Row(Via.BASIC, method, path, json, anonymous, analyst, supervisor, admin, agency);
	}

	private static Row page(HttpMethod method, String path, int anonymous, int analyst, int supervisor, int admin) {
		return new Row(Via.SESSION, method, path, null, anonymous, analyst, supervisor, admin, anonymous);
	}

}
