package org.misinfodesk.triage.dashboard.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.misinfodesk.platform.problem.FieldProblem;
import org.misinfodesk.platform.problem.ProblemException;
import org.misinfodesk.triage.dashboard.Dashboard;
import org.misinfodesk.triage.dashboard.DashboardSettings;
import org.misinfodesk.triage.dashboard.Period;
import org.misinfodesk.triage.dashboard.ReadingDashboard;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Dashboard", description = "Supervisors' figures: volumes, statuses, agency response times, overdue cases")
class DashboardController {

	private final ReadingDashboard reading;

	private final DashboardSettings settings;

	private final Clock clock;

	DashboardController(ReadingDashboard reading, DashboardSettings settings, Clock clock) {
		this.reading = reading;
		this.settings = settings;
		this.clock = clock;
	}

	@GetMapping(path = "/api/v1/dashboard", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "The dashboard's figures for a period of days",
			description = "Days are calendar days in misinfodesk.dashboard.time-zone, both ends included; without "
					+ "them the last misinfodesk.dashboard.default-days days. Reports count on the day they were "
					+ "submitted, cases on the day of their first report, decisions and agency responses on the day "
					+ "they were made. Statuses are those of the cases first reported in the period, as they are now; "
					+ "response times are median and 90th percentile (nearest rank) in seconds from routing to the "
					+ "response, exact for the days of a calendar month the period covers in part and, for a month it "
					+ "covers whole, counted in buckets that put any time within 0.8 % (exact under 128 s); the "
					+ "overdue list is the cases overdue now. Roles SUPERVISOR, ANALYST.")
	@ApiResponse(responseCode = "200", description = "The figures")
	@ApiResponse(responseCode = "400", description = "Unreadable date, from after to, or a period too long",
			content = @Content(mediaType = "application/problem+json"))
	Mono<Dashboard> dashboard(
			@Parameter(description = "First day, yyyy-MM-dd") @RequestParam(name = "from", required = false) String from,
			@Parameter(description = "Last day, yyyy-MM-dd") @RequestParam(name = "to", required = false) String to) {
		List<FieldProblem> problems = new ArrayList<>();
		Period period = Period.forDashboard(from, to, this.settings,
				LocalDate.ofInstant(this.clock.instant(), this.settings.timeZone()), problems);
		if (!problems.isEmpty()) {
			return Mono.error(ProblemException.invalid(problems));
		}
		return this.reading.read(period);
	}

}
