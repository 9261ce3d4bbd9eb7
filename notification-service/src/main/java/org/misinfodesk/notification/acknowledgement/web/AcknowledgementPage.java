package org.misinfodesk.notification.acknowledgement.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.misinfodesk.notification.acknowledgement.Acknowledgement;
import org.misinfodesk.notification.acknowledgement.AcknowledgingCase;
import org.misinfodesk.notification.acknowledgement.Outcome;
import org.misinfodesk.notification.text.Wording;
import org.misinfodesk.platform.problem.LanguageResolver;
import org.misinfodesk.platform.problem.ProblemException;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;

/**
 * The page an agency opens from its alert: the case, one button to acknowledge it, and then a form
 * to report the outcome. The token in the address is the credential, so there is no login. A link
 * that is unknown or has expired shows a page saying so and whom to ask for a new one, with the same
 * status code, when a browser asks ({@code Accept: text/html}); other clients get the problem+json.
 */
@Controller
class AcknowledgementPage {

	private final AcknowledgingCase acknowledging;

	private final Wording wording;

	AcknowledgementPage(AcknowledgingCase acknowledging, Wording wording) {
		this.acknowledging = acknowledging;
		this.wording = wording;
	}

	@GetMapping(path = "/acknowledgements/{token}", produces = MediaType.TEXT_HTML_VALUE)
	Mono<Rendering> show(@PathVariable String token, ServerWebExchange exchange) {
		Locale locale = LanguageResolver.resolve(exchange);
		return this.acknowledging.find(token)
			.map((acknowledgement) -> Rendering.view("acknowledgement")
				.modelAttribute("page", Page.of(acknowledgement, this.wording, locale))
				.modelAttribute("token", acknowledgement.token())
				.build())
			.onErrorResume(ProblemException.class, (problem) -> unavailable(problem, exchange));
	}

	@PostMapping(path = "/acknowledgements/{token}", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	Mono<Rendering> acknowledge(@PathVariable String token, ServerWebExchange exchange) {
		return exchange.getFormData()
			.flatMap((form) -> this.acknowledging.acknowledge(token, form.getFirst("note")))
			.map((acknowledgement) -> Rendering.redirectTo("/acknowledgements/" + token).build())
			.onErrorResume(ProblemException.class, (problem) -> unavailable(problem, exchange));
	}

	@PostMapping(path = "/acknowledgements/{token}/outcome", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	Mono<Rendering> reportOutcome(@PathVariable String token, ServerWebExchange exchange) {
		return exchange.getFormData()
			.flatMap((form) -> this.acknowledging.reportOutcome(token, form.getFirst("outcome"), form.getFirst("note")))
			.map((acknowledgement) -> Rendering.redirectTo("/acknowledgements/" + token).build())
			.onErrorResume(ProblemException.class, (problem) -> unavailable(problem, exchange));
	}

	/** The page for a link that no longer leads anywhere, when a browser asked; the problem itself otherwise. */
	private Mono<Rendering> unavailable(ProblemException problem, ServerWebExchange exchange) {
		boolean expired = problem.status() == HttpStatus.GONE;
		if (!(expired || problem.status() == HttpStatus.NOT_FOUND) || !fromBrowser(exchange)) {
			return Mono.error(problem);
		}
		return Mono.just(Rendering.view("acknowledgement-unavailable")
			.modelAttribute("expired", expired)
			.modelAttribute("contacts", this.acknowledging.contacts())
			.status(problem.status())
			.build());
	}

	/** Browsers name {@code text/html} in {@code Accept}; API clients send JSON types or nothing. */
	private static boolean fromBrowser(ServerWebExchange exchange) {
		try {
			return exchange.getRequest()
				.getHeaders()
				.getAccept()
				.stream()
				.anyMatch((accepted) -> !accepted.isWildcardType() && !accepted.isWildcardSubtype()
						&& MediaType.TEXT_HTML.includes(accepted));
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

	/** The case as the page shows it, with labels and times already in the reader's language. */
	record Page(String caseId, String agencyName, String verdict, String category, String severity,
			String localityCode, String summary, int reportCount, List<String> sourceUrls, String dueAt,
			boolean acknowledged, String acknowledgedAt, String note, boolean resolved, String resolvedAt,
			String outcome, String outcomeNote, List<Choice> outcomes) {

		static Page of(Acknowledgement acknowledgement, Wording wording, Locale locale) {
			var routed = acknowledgement.routed();
			return new Page(routed.caseId(), acknowledgement.agencyName(),
					wording.label("verdict", routed.verdict(), locale),
					wording.label("category", routed.category(), locale),
					wording.label("severity", routed.severity(), locale), routed.localityCode(), routed.summary(),
					routed.reportCount(), routed.sourceUrls(),
					routed.dueAt() == null ? null : wording.dateTime(routed.dueAt(), locale),
					acknowledgement.acknowledged(),
					acknowledgement.acknowledged() ? wording.dateTime(acknowledgement.acknowledgedAt(), locale) : null,
					acknowledgement.note(), acknowledgement.resolved(),
					acknowledgement.resolved() ? wording.dateTime(acknowledgement.resolvedAt(), locale) : null,
					acknowledgement.outcome() == null ? null
							: wording.message("outcome." + acknowledgement.outcome().name(), locale),
					acknowledgement.outcomeNote(),
					Arrays.stream(Outcome.values())
						.map((outcome) -> new Choice(outcome.name(), wording.message("outcome." + outcome.name(), locale)))
						.toList());
		}

	}

	record Choice(String value, String label) {
	}

}
