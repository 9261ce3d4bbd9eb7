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
import org.misinfodesk.report.evidence.EvidenceSettings;
import org.misinfodesk.report.evidence.Upload;
import org.misinfodesk.report.locality.AdministrativeUnits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.multipart.FormFieldPart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
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

	/** Hidden from people (and from screen readers); bots that fill in every field fill it in too. */
	static final String HONEYPOT = "website";

	private static final Logger log = LoggerFactory.getLogger(ReportFormPage.class);

	private final SubmittingReport submitting;

	private final IntakeSettings limits;

	private final PageTimes times;

	private final MessageSource messages;

	private final AdministrativeUnits localities;

	private final EvidenceSettings evidence;

	private final Uploads uploads;

	ReportFormPage(SubmittingReport submitting, IntakeSettings limits, PageTimes times, MessageSource messages,
			AdministrativeUnits localities, EvidenceSettings evidence, Uploads uploads) {
		this.submitting = submitting;
		this.limits = limits;
		this.times = times;
		this.messages = messages;
		this.localities = localities;
		this.evidence = evidence;
		this.uploads = uploads;
	}

	@GetMapping("/")
	Rendering form() {
		return form(FormValues.blank(), List.of(), HttpStatus.OK);
	}

	/** A form without files (an older page, or a client without multipart). */
	@PostMapping(path = "/reports", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	Mono<Rendering> submit(ServerWebExchange exchange) {
		Locale locale = LanguageResolver.resolve(exchange);
		return exchange.getFormData().flatMap((fields) -> submit(fields, List.of(), locale));
	}

	@PostMapping(path = "/reports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	Mono<Rendering> submitWithFiles(ServerWebExchange exchange) {
		Locale locale = LanguageResolver.resolve(exchange);
		return exchange.getMultipartData()
			.flatMap((parts) -> this.uploads.read(parts.get(Uploads.PART))
				.flatMap((files) -> submit(fields(parts), files, locale)));
	}

	/**
	 * The language switch on the form is a button of the form itself, so that switching keeps what was
	 * typed, with or without JavaScript (files cannot be kept: browsers never prefill file inputs).
	 */
	@PostMapping(path = "/reports/draft")
	Mono<Rendering> switchLanguage(ServerWebExchange exchange) {
		MediaType type = exchange.getRequest().getHeaders().getContentType();
		Mono<MultiValueMap<String, String>> fields = (type != null && MediaType.MULTIPART_FORM_DATA.isCompatibleWith(type))
				? exchange.getMultipartData().map(ReportFormPage::fields) : exchange.getFormData();
		return fields.map((values) -> form(FormValues.from(values), List.of(), HttpStatus.OK));
	}

	private Mono<Rendering> submit(MultiValueMap<String, String> fields, List<Upload> files, Locale locale) {
		String honeypot = fields.getFirst(HONEYPOT);
		if (honeypot != null && !honeypot.isBlank()) {
			log.info("Refused a form with its honeypot field filled in");
			return Mono.error(ProblemException.of(HttpStatus.BAD_REQUEST, "suspected-automation"));
		}
		return submit(FormValues.from(fields), files, locale, true);
	}

	private static MultiValueMap<String, String> fields(MultiValueMap<String, Part> parts) {
		MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
		parts.forEach((name, values) -> values.stream()
			.filter(FormFieldPart.class::isInstance)
			.map((part) -> ((FormFieldPart) part).value())
			.forEach((value) -> fields.add(name, value)));
		return fields;
	}

	private Mono<Rendering> submit(FormValues form, List<Upload> files, Locale locale, boolean firstTry) {
		ReportDraft draft = form.toDraft(this.times);
		return this.submitting.submit(draft, files, form.idempotencyKey(), locale)
			.map((receipt) -> Rendering.view("report-received")
				.modelAttribute("trackingCode", receipt.trackingCode().value())
				.build())
			.onErrorResume(ProblemException.class, (problem) -> {
				if (problem.status() == HttpStatus.UNPROCESSABLE_CONTENT && firstTry) {
					// The form was sent before and then changed: the citizen means a new report.
					return submit(form.withNewKey(), files, locale, false);
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
			.modelAttribute("provinces", this.localities.provinces())
			.modelAttribute("evidenceLimits", this.evidence)
			.modelAttribute("keepTyped", true)
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
