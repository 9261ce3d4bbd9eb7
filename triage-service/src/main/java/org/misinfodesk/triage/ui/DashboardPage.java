package org.misinfodesk.triage.ui;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.misinfodesk.platform.problem.FieldProblem;
import org.misinfodesk.platform.problem.LanguageResolver;
import org.misinfodesk.triage.dashboard.Dashboard;
import org.misinfodesk.triage.dashboard.DashboardSettings;
import org.misinfodesk.triage.dashboard.Period;
import org.misinfodesk.triage.dashboard.ReadingDashboard;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ServerWebExchange;

/**
 * The supervisors' dashboard, read-only. Every figure is in the page's tables; dashboard.js draws
 * the charts from the same figures, which the page carries in a data attribute (no inline script).
 */
@Controller
class DashboardPage {

	private final ReadingDashboard reading;

	private final DashboardSettings settings;

	private final MessageSource messages;

	private final JsonMapper json;

	private final Clock clock;

	DashboardPage(ReadingDashboard reading, DashboardSettings settings, MessageSource messages, JsonMapper json,
			Clock clock) {
		this.reading = reading;
		this.settings = settings;
		this.messages = messages;
		this.json = json;
		this.clock = clock;
	}

	@GetMapping("/dashboard")
	Mono<String> dashboard(ServerWebExchange exchange, Model model) {
		Locale locale = LanguageResolver.resolve(exchange);
		var query = exchange.getRequest().getQueryParams();
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), this.settings.timeZone());
		List<FieldProblem> problems = new ArrayList<>();
		Period period = Period.forDashboard(query.getFirst("from"), query.getFirst("to"), this.settings, today,
				problems);
		if (!problems.isEmpty()) {
			exchange.getResponse().setStatusCode(HttpStatus.BAD_REQUEST);
			model.addAttribute("fieldErrors", PageProblems.messages(problems, this.messages, locale));
			period = Period.forDashboard(null, null, this.settings, today, new ArrayList<>());
		}
		else {
			model.addAttribute("fieldErrors", Map.of());
		}
		model.addAttribute("asked", Map.of("from", valueOr(query.getFirst("from"), period.from()), "to",
				valueOr(query.getFirst("to"), period.to())));
		return this.reading.read(period).map((dashboard) -> {
			model.addAttribute("d", dashboard);
			model.addAttribute("chart", chart(dashboard, locale));
			return "dashboard";
		});
	}

	private static String valueOr(String asked, LocalDate fallback) {
		return (asked != null && !asked.isBlank()) ? asked : fallback.toString();
	}

	/** The figures the charts draw, with their labels in the page's language. */
	private String chart(Dashboard d, Locale locale) {
		Map<String, Object> chart = new LinkedHashMap<>();
		chart.put("days", d.days().stream().map((day) -> day.day().toString()).toList());
		chart.put("reports", d.days().stream().map(Dashboard.Day::reports).toList());
		chart.put("cases", d.days().stream().map(Dashboard.Day::cases).toList());
		chart.put("decisions", d.days().stream().map(Dashboard.Day::decisions).toList());
		chart.put("categories", d.categories().stream().map((share) -> label("category.", share.key(), locale)).toList());
		chart.put("categoryReports", d.categories().stream().map(Dashboard.Share::reports).toList());
		chart.put("categoryDecisions", d.categories().stream().map(Dashboard.Share::decisions).toList());
		chart.put("localities", d.localities().stream().map((share) -> label("locality.", share.key(), locale)).toList());
		chart.put("localityReports", d.localities().stream().map(Dashboard.Share::reports).toList());
		chart.put("statuses", d.statuses()
			.entrySet()
			.stream()
			.map((entry) -> Map.of("name", label("status.", entry.getKey(), locale), "value", entry.getValue()))
			.toList());
		chart.put("agencies", d.agencies().stream().map(Dashboard.AgencyFigures::name).toList());
		chart.put("ackMedian", d.agencies().stream().map((a) -> hours(a.acknowledgement().medianSeconds())).toList());
		chart.put("ackP90", d.agencies().stream().map((a) -> hours(a.acknowledgement().p90Seconds())).toList());
		chart.put("resolveMedian", d.agencies().stream().map((a) -> hours(a.resolution().medianSeconds())).toList());
		chart.put("resolveP90", d.agencies().stream().map((a) -> hours(a.resolution().p90Seconds())).toList());
		Map<String, String> labels = new LinkedHashMap<>();
		for (String key : List.of("reports", "cases", "decisions", "ackMedian", "ackP90", "resolveMedian",
				"resolveP90", "hours")) {
			labels.put(key, this.messages.getMessage("dashboard.series." + key, null, key, locale));
		}
		chart.put("labels", labels);
		return this.json.writeValueAsString(chart);
	}

	private String label(String prefix, String key, Locale locale) {
		return this.messages.getMessage(prefix + key, null, key, locale);
	}

	private static Double hours(Long seconds) {
		return (seconds != null) ? Math.round(seconds / 360.0) / 10.0 : null;
	}

}
