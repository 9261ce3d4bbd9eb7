package org.misinfodesk.triage.ui;

import java.util.Set;

import org.misinfodesk.platform.problem.LanguageResolver;
import reactor.core.publisher.Mono;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ServerWebExchange;

/** What every page needs: the language, its links, the signed-in user, the CSRF token for its forms. */
@ControllerAdvice(basePackageClasses = PageModel.class)
class PageModel {

	private static final Set<String> LANGUAGES = Set.of("vi", "en");

	private final PageTimes times;

	PageModel(UiSettings settings) {
		this.times = new PageTimes(settings);
	}

	@ModelAttribute("lang")
	String lang(ServerWebExchange exchange) {
		return LanguageResolver.resolve(exchange).getLanguage();
	}

	@ModelAttribute("links")
	PageLinks links(ServerWebExchange exchange) {
		String asked = exchange.getRequest().getQueryParams().getFirst("lang");
		return new PageLinks((asked != null && LANGUAGES.contains(asked)) ? asked : null);
	}

	@ModelAttribute("times")
	PageTimes times() {
		return this.times;
	}

	@ModelAttribute("_csrf")
	Mono<CsrfToken> csrf(ServerWebExchange exchange) {
		Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
		return (token != null) ? token : Mono.empty();
	}

	@ModelAttribute("staff")
	Mono<Staff> staff(ServerWebExchange exchange) {
		return exchange.getPrincipal()
			.filter(Authentication.class::isInstance)
			.cast(Authentication.class)
			.filter(Authentication::isAuthenticated)
			.map((auth) -> new Staff(auth.getName(), auth.getAuthorities()
				.stream()
				.map(GrantedAuthority::getAuthority)
				.anyMatch("ROLE_ANALYST"::equals)));
	}

	/**
	 * The signed-in user as the pages see them.
	 *
	 * @param analyst whether they may claim and decide
	 */
	record Staff(String name, boolean analyst) {
	}

}
