package org.misinfodesk.triage;

import java.time.Duration;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.FluxExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Who may call what: every triage endpoint, for an anonymous caller and each role. Calls that get
 * past the checks are made about a case that does not exist (or with a body that cannot pass), so
 * that their answer (404, 400) proves the check let them through without changing anything.
 */
class RoleMatrixIT extends RunningTriageService {

	static final String NO_CASE = "c-role-matrix-none";

	static final String DECISION = "{\"verdict\":\"FAKE\",\"category\":\"HEALTH\",\"severity\":\"HIGH\"}";

	static final String ADMIN = "admin";

	static Stream<Arguments> matrix() {
		return Stream.of(
				// method, path, body, anonymous, analyst, supervisor, admin
				row("GET", "/api/v1/cases", null, 401, 200, 200, 403),
				row("GET", "/api/v1/cases/" + NO_CASE, null, 401, 404, 404, 403),
				row("GET", "/api/v1/cases/" + NO_CASE + "/similar", null, 401, 404, 404, 403),
				row("GET", "/api/v1/cases/" + NO_CASE + "/evidence/ev-1", null, 401, 404, 404, 403),
				row("GET", "/api/v1/cases/" + NO_CASE + "/evidence/ev-1/thumbnail", null, 401, 404, 404, 403),
				row("GET", "/api/v1/cases/export?status=NOPE", null, 401, 400, 400, 403),
				row("GET", "/api/v1/cases/stream?role-matrix=status-only", null, 401, 200, 200, 403),
				row("GET", "/api/v1/dashboard?from=nope", null, 401, 400, 400, 403),
				row("GET", "/api/v1/agencies", null, 401, 200, 200, 200),
				row("POST", "/api/v1/cases/" + NO_CASE + "/claim", null, 401, 404, 403, 403),
				row("POST", "/api/v1/cases/" + NO_CASE + "/release", null, 401, 404, 403, 403),
				row("POST", "/api/v1/cases/" + NO_CASE + "/decision", DECISION, 401, 404, 403, 403),
				row("POST", "/api/v1/cases/" + NO_CASE + "/reroute", "{\"agencyIds\":[\"so-y-te\"]}", 401, 404, 403,
						403),
				row("POST", "/api/v1/cases/" + NO_CASE + "/merge", "{\"caseId\":\"c-other-none\"}", 401, 404, 403,
						403),
				row("POST", "/api/v1/cases/" + NO_CASE + "/split", "{\"reportId\":\"r-none\"}", 401, 404, 403, 403),
				row("GET", "/api/v1/dead-letters?topic=reports.submitted", null, 401, 403, 403, 200),
				row("GET", "/actuator/health/readiness", null, 200, 200, 200, 200),
				row("GET", "/actuator/prometheus", null, 200, 200, 200, 200),
				// Pages: the login form for anonymous visitors; HTTP Basic is not a way into them.
				row("GET", "/", null, 302, 302, 302, 302),
				row("GET", "/dashboard", null, 302, 302, 302, 302),
				row("GET", "/cases/" + NO_CASE, null, 302, 302, 302, 302));
	}

	static Arguments row(String method, String path, String body, int anonymous, int analyst, int supervisor,
			int admin) {
		return arguments(method, path, body, anonymous, analyst, supervisor, admin);
	}

	@ParameterizedTest(name = "{0} {1}: anonymous {3}, analyst {4}, supervisor {5}, admin {6}")
	@MethodSource("matrix")
	void everyEndpointAnswersEachRoleAsTheTableSays(String method, String path, String body, int anonymous,
			int analyst, int supervisor, int admin) {
		expect(anonymous(), method, path, body, anonymous);
		expect(as(ANALYST), method, path, body, analyst);
		expect(as(SUPERVISOR), method, path, body, supervisor);
		expect(as(ADMIN), method, path, body, admin);
	}

	private static void expect(WebTestClient client, String method, String path, String body, int status) {
		WebTestClient.RequestBodySpec request = client.method(HttpMethod.valueOf(method))
			.uri(path)
			.accept(MediaType.ALL);
		WebTestClient.RequestHeadersSpec<?> ready = (body != null)
				? request.contentType(MediaType.APPLICATION_JSON).bodyValue(body) : request;
		FluxExchangeResult<byte[]> result = ready.exchange().returnResult(byte[].class);
		// The live stream never ends: one chunk of any body is read, then the rest is cancelled.
		result.getResponseBody().take(1).blockLast(Duration.ofSeconds(30));
		assertThat(result.getStatus().value()).as("%s %s", method, path).isEqualTo(status);
	}

}
