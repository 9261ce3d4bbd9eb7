package org.misinfodesk.report.intake.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.misinfodesk.platform.problem.FieldProblem;
import org.misinfodesk.platform.problem.LanguageResolver;
import org.misinfodesk.platform.problem.ProblemException;
import org.misinfodesk.report.intake.Category;
import org.misinfodesk.report.intake.IntakeSettings;
import org.misinfodesk.report.intake.Platform;
import org.misinfodesk.report.intake.ReportDraft;
import org.misinfodesk.report.intake.SubmittingReport;
import org.misinfodesk.report.pages.CitizenPage;
import org.misinfodesk.report.pages.PageTimes;
import reactor.core.publisher.Mono;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;

/**
 * The citizen's form at {@code /}: a plain HTML form that works without JavaScript. A form with
 * errors comes back as typed, with a summary linking to each field; a good one gets the tracking
 * code.
 */
@Controller
@CitizenPage
class ReportFormPage {

	private final SubmittingReport submitting;

	private final IntakeSettings limits;

	private final PageTimes times;

	private final MessageSource messages;

	ReportFormPage(SubmittingReport submitting, IntakeSettings limits, PageTimes times, MessageSource messages) {
		this.submitting = submitting;
		this.limits = limits;
		this.times = times;
		this.messages = messages;
	}

	@GetMapping("/")
	Rendering form() {
		return form(FormValues.blank(), List.of(), HttpStatus.OK);
	}

	@PostMapping(path = "/reports", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	Mono<Rendering> submit(ServerWebExchange exchange) {
		Locale locale = LanguageResolver.resolve(exchange);
		return exchange.getFormData().map(FormValues::from).flatMap((form) -> submit(form, locale, true));
	}

	private Mono<Rendering> submit(FormValues form, Locale locale, boolean firstTry) {
		ReportDraft draft = form.toDraft(this.times);
		return this.submitting.submit(draft, form.idempotencyKey(), locale)
			.map((receipt) -> Rendering.view("report-received")
				.modelAttribute("trackingCode", receipt.trackingCode().value())
				.build())
			.onErrorResume(ProblemException.class, (problem) -> {
				if (problem.status() == HttpStatus.UNPROCESSABLE_CONTENT && firstTry) {
					// The form was sent before and then changed: the citizen means a new report.
					return submit(form.withNewKey(), locale, false);
				}
				if (problem.fieldProblems().isEmpty()) {
					return Mono.error(problem);
				}
				return Mono.just(form(form, messages(problem.fieldProblems(), locale), problem.status()));
			});
	}

	private Rendering form(FormValues form, List<FieldMessage> errors, HttpStatus status) {
		Map<String, String> fieldErrors = new LinkedHashMap<>();
		errors.forEach((error) -> fieldErrors.putIfAbsent(error.id(), error.message()));
		return Rendering.view("report-form")
			.modelAttribute("form", form)
			.modelAttribute("errors", errors)
			.modelAttribute("fieldErrors", fieldErrors)
			.modelAttribute("platforms", Platform.values())
			.modelAttribute("categories", Category.values())
			.modelAttribute("limits", this.limits)
			.status(status)
			.build();
	}

	private List<FieldMessage> messages(List<FieldProblem> problems, Locale locale) {
		return problems.stream()
			.map((problem) -> new FieldMessage(problem.field().replace('.', '-'), this.messages
				.getMessage("field." + problem.code(), problem.args().toArray(), problem.code(), locale)))
			.toList();
	}

}
