package org.misinfodesk.triage.queue.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.misinfodesk.platform.problem.FieldProblem;
import org.misinfodesk.platform.problem.ProblemException;
import org.misinfodesk.triage.cases.Case;
import org.misinfodesk.triage.cases.CaseReport;
import org.misinfodesk.triage.cases.Cases;
import org.misinfodesk.triage.cases.QueueFilter;
import org.misinfodesk.triage.cases.RoutedAgency;
import org.misinfodesk.triage.dashboard.DashboardSettings;
import org.misinfodesk.triage.dashboard.Period;
import org.misinfodesk.triage.queue.CsvLines;
import org.misinfodesk.triage.queue.QueueFilters;
import reactor.core.publisher.Flux;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Cases")
class CasesExportController {

	static final String TEXT_CSV = "text/csv;charset=UTF-8";

	static final List<String> COLUMNS = List.of("id", "status", "priority", "overdue", "reportCount", "summary",
			"category", "localityCode", "firstReportedAt", "lastReportedAt", "dueAt", "claimedBy", "verdict",
			"severity", "decidedBy", "decidedAt", "agencies", "trackingCodes", "sourceUrls");

	private final Cases cases;

	private final DashboardSettings settings;

	private final java.time.Clock clock;

	private final DateTimeFormatter times;

	CasesExportController(Cases cases, DashboardSettings settings, java.time.Clock clock) {
		this.cases = cases;
		this.settings = settings;
		this.clock = clock;
		this.times = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(settings.timeZone());
	}

	@GetMapping(path = "/api/v1/cases/export", produces = TEXT_CSV)
	@Operation(summary = "Export cases as CSV",
			description = "The same filters as the listing (status, category, locality, overdue; without status the "
					+ "open cases), and first reported from one day to another (yyyy-MM-dd, both included, in "
					+ "misinfodesk.dashboard.time-zone). Oldest first, streamed; UTF-8 with a byte order mark so that "
					+ "spreadsheets read Vietnamese; cells a spreadsheet would run as formulas start with '. "
					+ "Roles ANALYST, SUPERVISOR.")
	@ApiResponse(responseCode = "200", description = "The cases, one CSV line each after a header line")
	@ApiResponse(responseCode = "400", description = "Unknown filter value or unreadable date",
			content = @Content(mediaType = "application/problem+json"))
	Flux<String> export(@RequestParam(name = "status", required = false) List<String> status,
			@RequestParam(name = "category", required = false) String category,
			@RequestParam(name = "locality", required = false) String locality,
			@RequestParam(name = "overdue", required = false) String overdue,
			@Parameter(description = "First day of first reports, yyyy-MM-dd") @RequestParam(name = "from",
					required = false) String from,
			@Parameter(description = "Last day of first reports, yyyy-MM-dd") @RequestParam(name = "to",
					required = false) String to,
			ServerHttpResponse response) {
		List<FieldProblem> problems = new ArrayList<>();
		QueueFilter filter = QueueFilters.of(status, category, locality, overdue, problems);
		LocalDate first = Period.date(from, "from", problems);
		LocalDate last = Period.date(to, "to", problems);
		if (first != null && last != null && first.isAfter(last)) {
			problems.add(FieldProblem.of("from", "after-to"));
		}
		if (!problems.isEmpty()) {
			return Flux.error(ProblemException.invalid(problems));
		}
		response.getHeaders()
			.set(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("cases-" + LocalDate.now(this.clock) + ".csv")
						.build()
						.toString());
		Instant start = (first != null) ? Period.startOf(first, this.settings.timeZone()) : null;
		Instant end = (last != null) ? Period.startOf(last.plusDays(1), this.settings.timeZone()) : null;
		Instant now = this.clock.instant();
		return Flux.concat(Flux.just(CsvLines.BYTE_ORDER_MARK + CsvLines.of(COLUMNS)),
				this.cases.stream(filter, start, end).map((c) -> CsvLines.of(line(c, now))));
	}

	private List<Object> line(Case c, Instant now) {
		var decision = c.decision();
		return Arrays.asList(c.id(), c.status(), c.priority(), c.overdue(), c.reportCount(), c.summary(), c.category(),
				c.localityCode(), time(c.firstReportedAt()), time(c.lastReportedAt()), time(c.dueAt()),
				c.claimHolderAt(now), (decision != null) ? decision.verdict() : null,
				(decision != null) ? decision.severity() : null, (decision != null) ? decision.by() : null,
				(decision != null) ? time(decision.at()) : null, agencies(c),
				c.reports().stream().map(CaseReport::trackingCode).collect(Collectors.joining(" ")),
				String.join(" ", c.sourceUrls()));
	}

	/** The current routing's agencies and how far each got. */
	private static String agencies(Case c) {
		return c.currentAgencies().stream().map(CasesExportController::agency).collect(Collectors.joining("; "));
	}

	private static String agency(RoutedAgency agency) {
		String state = (agency.resolvedAt() != null) ? "RESOLVED"
				: (agency.acknowledgedAt() != null) ? "ACKNOWLEDGED" : "PENDING";
		return agency.agencyId() + " " + state;
	}

	private String time(Instant instant) {
		return (instant != null) ? this.times.format(instant) : null;
	}

}
