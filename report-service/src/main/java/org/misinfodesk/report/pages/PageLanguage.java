package org.misinfodesk.report.pages;

import java.util.Locale;

import org.misinfodesk.platform.problem.LanguageResolver;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpMethod;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Gives every citizen page its language, the CSRF token for its forms, and a link to the same page in the other language. Links
 * inside the pages carry {@code lang} so that the choice sticks.
 */
@ControllerAdvice(annotations = CitizenPage.class)
class PageLanguage {

	@ModelAttribute("lang")
	String lang(ServerWebExchange exchange) {
		return code(LanguageResolver.resolve(exchange));
	}

	/** The token every form of the citizen pages sends back (see the access rules). */
	@ModelAttribute("csrf")
	Mono<CsrfToken> csrf(ServerWebExchange exchange) {
		Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
		return token == null ? Mono.empty() : token;
	}

	@ModelAttribute("otherLang")
	String otherLang(ServerWebExchange exchange) {
		return other(code(LanguageResolver.resolve(exchange)));
	}

	/** The same page in the other language; after a post, the page to start from again. */
	@ModelAttribute("switchLanguageHref")
	String switchLanguageHref(ServerWebExchange exchange) {
		var request = exchange.getRequest();
		boolean get = HttpMethod.GET.equals(request.getMethod());
		var link = UriComponentsBuilder.fromPath(get ? request.getPath().pathWithinApplication().value() : "/");
		if (get) {
			request.getQueryParams().forEach((name, values) -> {
				if (!name.equals("lang")) {
					link.queryParam(name, values.toArray());
				}
			});
		}
		return link.queryParam("lang", other(code(LanguageResolver.resolve(exchange)))).encode().toUriString();
	}

	private static String code(Locale locale) {
		return Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? "en" : "vi";
	}

	private static String other(String code) {
		return code.equals("en") ? "vi" : "en";
	}

}
