package org.misinfodesk.report.access;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.misinfodesk.report.RunningService;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint of report-service against every kind of caller: the citizen's surface is open to
 * all, evidence only to analysts and supervisors, dead letters and the actuator's inside only to
 * administrators; refusals are problem+json.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoleMatrixIT extends RunningService {

	private static final String EVIDENCE = "/api/v1/evidence/ev-does-not-exist";

	private String trackingCode;

	/** One endpoint and the status expected for anonymous, analyst, supervisor and admin. */
	record Row(HttpMethod method, String path, int anonymous, int analyst, int supervisor, int admin) {

		int expectedFor(String user) {
			return switch (user) {
				case "analyst" -> this.analyst;
				case "supervisor" -> this.supervisor;
				case "admin" -> this.admin;
				default -> this.anonymous;
			};
		}

	}

	@BeforeAll
	void aReportToTrack() {
		this.trackingCode = submit(Map.of("content", "Tin đồn về giá điện tăng gấp ba từ tháng sau ở Phủ Lý."))
			.trackingCode();
	}

	List<Row> rows() {
		return List.of(new Row(HttpMethod.GET, "/", 200, 200, 200, 200),
				new Row(HttpMethod.GET, "/track/" + this.trackingCode, 200, 200, 200, 200),
				new Row(HttpMethod.GET, "/api/v1/reports/" + this.trackingCode, 200, 200, 200, 200),
				new Row(HttpMethod.GET, "/api/v1/reports/ZZZZ-ZZZZ", 404, 404, 404, 404),
				new Row(HttpMethod.GET, EVIDENCE, 401, 404, 404, 403),
				new Row(HttpMethod.GET, EVIDENCE + "/thumbnail", 401, 404, 404, 403),
				new Row(HttpMethod.GET, "/api/v1/dead-letters?topic=reports.status-changed", 401, 403, 403, 200),
				new Row(HttpMethod.POST, "/api/v1/dead-letters/reports.status-changed/0/999999/replay", 401, 403, 403,
						404),
				new Row(HttpMethod.GET, "/actuator/health/readiness", 200, 200, 200, 200),
				new Row(HttpMethod.GET, "/actuator/prometheus", 200, 200, 200, 200),
				new Row(HttpMethod.GET, "/actuator/metrics", 401, 403, 403, 200),
				new Row(HttpMethod.GET, "/v3/api-docs", 200, 200, 200, 200));
	}

	List<Object[]> cases() {
		return rows().stream()
			.flatMap((row) -> List.of("anonymous", "analyst", "supervisor", "admin")
				.stream()
				.map((user) -> new Object[] { row.method() + " " + row.path() + " as " + user, row, user }))
			.toList();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void everyCallerGetsExactlyWhatItsRoleAllows(String name, Row row, String user) {
		var request = this.web.method(row.method()).uri(row.path()).accept(MediaType.ALL);
		if (!user.equals("anonymous")) {
			request = request.headers((headers) -> headers.setBasicAuth(user, user));
		}
		var result = request.exchange().expectBody().returnResult();

		assertThat(result.getStatus().value()).as(name).isEqualTo(row.expectedFor(user));
		if (result.getStatus().value() == 401 || result.getStatus().value() == 403) {
			assertThat(result.getResponseHeaders().getContentType()).as(name)
				.isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		}
	}

}
