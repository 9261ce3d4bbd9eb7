package org.misinfodesk.triage.ui;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.misinfodesk.platform.problem.FieldProblem;
import org.misinfodesk.platform.problem.LanguageResolver;
import org.misinfodesk.triage.cases.CaseStatus;
import org.misinfodesk.triage.cases.Cases;
import org.misinfodesk.triage.cases.Category;
import org.misinfodesk.triage.cases.QueueFilter;
import org.misinfodesk.triage.queue.QueueFilters;
import org.misinfodesk.triage.queue.QueueSettings;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ServerWebExchange;

/**
 * The queue: open cases, most urgent first. The table is complete without JavaScript; queue.js
 * keeps it current from the live stream.
 */
@Controller
class QueuePage {

	private final Cases cases;

	private final QueueSettings queue;

	private final UiSettings ui;

	private final MessageSource messages;

	private final JsonMapper json;

	private final Clock clock;

	QueuePage(Cases cases, QueueSettings queue, UiSettings ui, MessageSource messages, JsonMapper json,
			Clock clock) {
		this.cases = cases;
		this.queue = queue;
		this.ui = ui;
		this.messages = messages;
		this.json = json;
		this.clock = clock;
	}

	@GetMapping("/")
	Mono<String> queue(ServerWebExchange exchange, Model model) {
		Locale locale = LanguageResolver.resolve(exchange);
		model.addAttribute("zone", this.ui.timeZone().getId());
		model.addAttribute("statusLabels", statusLabels(locale));
		var query = exchange.getRequest().getQueryParams();
		// A filter the page cannot read is not applied, and the page says so (as a 400).
		List<FieldProblem> problems = new ArrayList<>();
		QueueFilter filter = QueueFilters.of(null, query.getFirst("category"), query.getFirst("locality"),
				query.getFirst("overdue"), problems);
		if (!problems.isEmpty()) {
			exchange.getResponse().setStatusCode(HttpStatus.BAD_REQUEST);
		}
		model.addAttribute("filterErrors", PageProblems.messages(problems, this.messages, locale));
		model.addAttribute("askedLocality", query.getFirst("locality"));
		model.addAttribute("filter", filter);
		model.addAttribute("categories", Category.values());
		return this.cases.list(filter, this.queue.maxListed(), this.clock.instant())
			.collectList()
			.doOnNext((rows) -> {
				model.addAttribute("rows", rows);
				model.addAttribute("now", this.clock.instant());
			})
			.thenReturn("queue");
	}

	/** The statuses' names in the page's language, for rows that queue.js adds. */
	private String statusLabels(Locale locale) {
		Map<String, String> labels = new LinkedHashMap<>();
		for (CaseStatus status : CaseStatus.values()) {
			labels.put(status.name(), this.messages.getMessage("status." + status.name(), null, status.name(), locale));
		}
		return this.json.writeValueAsString(labels);
	}

}
