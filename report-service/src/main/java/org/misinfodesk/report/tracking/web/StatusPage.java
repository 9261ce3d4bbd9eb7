package org.misinfodesk.report.tracking.web;

import java.time.Clock;
import java.util.Optional;

import org.misinfodesk.report.pages.CitizenPage;
import org.misinfodesk.report.pages.PageTimes;
import org.misinfodesk.report.tracking.TrackedReports;
import org.misinfodesk.report.tracking.TrackingCode;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The status page at {@code /track/{code}}, and the look-up form that leads to it.
 */
@Controller
@CitizenPage
class StatusPage {

	private final TrackedReports reports;

	private final PageTimes times;

	private final Clock clock;

	StatusPage(TrackedReports reports, PageTimes times, Clock clock) {
		this.reports = reports;
		this.times = times;
		this.clock = clock;
	}

	@GetMapping("/track/{code}")
	Mono<Rendering> status(@PathVariable String code,
			@RequestParam(name = "withdrawn", required = false) String withdrawn) {
		return Mono.justOrEmpty(TrackingCode.parse(code))
			.flatMap(this.reports::findByTrackingCode)
			.map((report) -> Rendering.view("report-status")
				.modelAttribute("report", StatusView.of(report, this.times))
				.modelAttribute("withdrawn", withdrawn != null)
				.build())
			.defaultIfEmpty(notFound(code));
	}

	/** The reporter withdraws consent: the contact is deleted at once, and no further mail goes out. */
	@PostMapping("/track/{code}/consent-withdrawal")
	Mono<Rendering> withdrawConsent(@PathVariable String code,
			@RequestParam(name = "lang", required = false) String lang) {
		return Mono.justOrEmpty(TrackingCode.parse(code))
			.flatMap((found) -> this.reports.withdrawContact(found, this.clock.instant())
				.map((done) -> Rendering
					.redirectTo(UriComponentsBuilder.fromPath("/track/{code}")
						.queryParamIfPresent("lang", Optional.ofNullable(lang))
						.queryParam("withdrawn", "1")
						.buildAndExpand(found.value())
						.encode()
						.toUriString())
					.build()))
			.defaultIfEmpty(notFound(code));
	}

	/** Where the look-up form sends the typed code: to its status page, in canonical form. */
	@GetMapping("/track")
	Rendering lookUp(@RequestParam(name = "code", required = false) String code,
			@RequestParam(name = "lang", required = false) String lang) {
		return TrackingCode.parse(code)
			.map((found) -> Rendering
				.redirectTo(UriComponentsBuilder.fromPath("/track/{code}")
					.queryParamIfPresent("lang", Optional.ofNullable(lang))
					.buildAndExpand(found.value())
					.encode()
					.toUriString())
				.build())
			.orElseGet(() -> notFound(code == null ? "" : code));
	}

	private static Rendering notFound(String typed) {
		return Rendering.view("report-not-found").modelAttribute("typedCode", typed).status(HttpStatus.NOT_FOUND).build();
	}

}
