package org.misinfodesk.triage.ui;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.misinfodesk.platform.problem.FieldProblem;
import org.misinfodesk.platform.problem.LanguageResolver;
import org.misinfodesk.platform.problem.ProblemException;
import org.misinfodesk.triage.cases.Case;
import org.misinfodesk.triage.cases.CaseDetails;
import org.misinfodesk.triage.cases.CaseProblems;
import org.misinfodesk.triage.cases.Cases;
import org.misinfodesk.triage.cases.Category;
import org.misinfodesk.triage.cases.Severity;
import org.misinfodesk.triage.cases.Verdict;
import org.misinfodesk.triage.clustering.FindingSimilarCases;
import org.misinfodesk.triage.queue.ClaimingCase;
import org.misinfodesk.triage.queue.ReleasingCase;
import org.misinfodesk.triage.routing.DecidingCase;
import org.misinfodesk.triage.routing.DecisionRequest;
import org.misinfodesk.triage.routing.RoutingSettings;
import reactor.core.publisher.Mono;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;

/**
 * One case: its reports, decision, agencies and audit trail, and the forms to claim, release and
 * decide it. The forms call the same use cases as the API; a refusal comes back as the page with the
 * reason on it.
 */
@Controller
class CasePage {

	private final Cases cases;

	private final ClaimingCase claiming;

	private final ReleasingCase releasing;

	private final DecidingCase deciding;

	private final RoutingSettings routing;

	private final MessageSource messages;

	private final FindingSimilarCases similar;

	private final Clock clock;

	CasePage(Cases cases, ClaimingCase claiming, ReleasingCase releasing, DecidingCase deciding,
			RoutingSettings routing, MessageSource messages, FindingSimilarCases similar, Clock clock) {
		this.similar = similar;
		this.cases = cases;
		this.claiming = claiming;
		this.releasing = releasing;
		this.deciding = deciding;
		this.routing = routing;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/cases/{id}")
	Mono<String> show(@PathVariable String id, ServerWebExchange exchange, Model model) {
		return render(id, DecisionForm.EMPTY, exchange, model, HttpStatus.OK, null, Map.of());
	}

	@PostMapping("/cases/{id}/claim")
	Mono<String> claim(@PathVariable String id, ServerWebExchange exchange, Model model) {
		return exchange.getPrincipal()
			.flatMap((analyst) -> this.claiming.claim(id, analyst.getName()))
			.then(Mono.just(redirect(id, exchange)))
			.onErrorResume(ProblemException.class,
					(problem) -> refused(id, DecisionForm.EMPTY, problem, exchange, model));
	}

	@PostMapping("/cases/{id}/release")
	Mono<String> release(@PathVariable String id, ServerWebExchange exchange, Model model) {
		return exchange.getPrincipal()
			.flatMap((analyst) -> this.releasing.release(id, analyst.getName()))
			.then(Mono.just(redirect(id, exchange)))
			.onErrorResume(ProblemException.class,
					(problem) -> refused(id, DecisionForm.EMPTY, problem, exchange, model));
	}

	@PostMapping("/cases/{id}/decision")
	Mono<String> decide(@PathVariable String id, ServerWebExchange exchange, Model model) {
		return exchange.getFormData().flatMap((data) -> {
			DecisionForm form = DecisionForm.of(data);
			return exchange.getPrincipal()
				.flatMap((analyst) -> this.deciding.decide(id, analyst.getName(), form.request()))
				.then(Mono.just(redirect(id, exchange)))
				.onErrorResume(ProblemException.class, (problem) -> refused(id, form, problem, exchange, model));
		});
	}

	private Mono<String> refused(String id, DecisionForm form, ProblemException problem, ServerWebExchange exchange,
			Model model) {
		Locale locale = LanguageResolver.resolve(exchange);
		if (problem.status() == HttpStatus.NOT_FOUND) {
			return problemPage(problem, exchange, model);
		}
		Map<String, String> fieldErrors = new LinkedHashMap<>();
		for (FieldProblem field : problem.fieldProblems()) {
			String name = field.field().replaceAll("\\[\\d+]$", "");
			fieldErrors.merge(name, message("field." + field.code(), field.args(), locale), (a, b) -> a + " " + b);
		}
		String banner = message("problem." + problem.slug() + ".detail", problem.args(), locale);
		return render(id, form, exchange, model, problem.status(), banner, fieldErrors);
	}

	private Mono<String> render(String id, DecisionForm form, ServerWebExchange exchange, Model model,
			HttpStatus status, String banner, Map<String, String> fieldErrors) {
		return this.cases.findById(id)
			.switchIfEmpty(Mono.error(() -> CaseProblems.notFound(id)))
			.flatMap((found) -> this.similar.similarTo(found).collectList().map((similar) -> {
				model.addAttribute("similar", similar);
				return found;
			}))
			.map((found) -> {
				exchange.getResponse().setStatusCode(status);
				model.addAttribute("c", CaseDetails.of(found, this.clock.instant()));
				model.addAttribute("form", formFor(found, form));
				model.addAttribute("banner", banner);
				model.addAttribute("fieldErrors", fieldErrors);
				model.addAttribute("agencies", this.routing.agencies());
				model.addAttribute("verdicts", Verdict.values());
				model.addAttribute("categories", Category.values());
				model.addAttribute("severities", Severity.values());
				return "case";
			})
			.onErrorResume(ProblemException.class, (problem) -> problemPage(problem, exchange, model));
	}

	/** A fresh form starts from what the reporters suggested. */
	private static DecisionForm formFor(Case found, DecisionForm form) {
		if (form != DecisionForm.EMPTY) {
			return form;
		}
		String locality = found.reports()
			.stream()
			.map((report) -> report.localityCode())
			.filter((code) -> code != null && !code.isBlank())
			.findFirst()
			.orElse("");
		Category hint = found.categoryHint();
		return new DecisionForm("", (hint != null) ? hint.name() : "", "", locality, List.of(), "", "");
	}

	private Mono<String> problemPage(ProblemException problem, ServerWebExchange exchange, Model model) {
		Locale locale = LanguageResolver.resolve(exchange);
		exchange.getResponse().setStatusCode(problem.status());
		model.addAttribute("title", message("problem." + problem.slug() + ".title", List.of(), locale));
		model.addAttribute("detail", message("problem." + problem.slug() + ".detail", problem.args(), locale));
		return Mono.just("problem");
	}

	private String message(String code, List<Object> args, Locale locale) {
		return this.messages.getMessage(code, args.toArray(), code, locale);
	}

	private static String redirect(String id, ServerWebExchange exchange) {
		String lang = exchange.getRequest().getQueryParams().getFirst("lang");
		return "redirect:" + new PageLinks(("en".equals(lang) || "vi".equals(lang)) ? lang : null).caseUrl(id);
	}

	/** The decision form as typed, to show it again with its errors. */
	record DecisionForm(String verdict, String category, String severity, String localityCode,
			List<String> agencyIds, String publicNote, String note) {

		static final DecisionForm EMPTY = new DecisionForm("", "", "", "", List.of(), "", "");

		static DecisionForm of(MultiValueMap<String, String> data) {
			List<String> agencyIds = new ArrayList<>(data.getOrDefault("agencyIds", List.of()));
			agencyIds.removeIf(String::isBlank);
			return new DecisionForm(text(data, "verdict"), text(data, "category"), text(data, "severity"),
					text(data, "localityCode"), List.copyOf(agencyIds), text(data, "publicNote"), text(data, "note"));
		}

		private static String text(MultiValueMap<String, String> data, String name) {
			String value = data.getFirst(name);
			return (value != null) ? value : "";
		}

		DecisionRequest request() {
			return new DecisionRequest(this.verdict, this.category, this.severity, this.localityCode,
					this.agencyIds, this.publicNote, this.note);
		}

		public boolean chose(String agencyId) {
			return this.agencyIds.contains(agencyId);
		}

	}

}
