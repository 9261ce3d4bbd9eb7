package org.misinfodesk.platform.problem;

import java.util.List;
import java.util.Locale;

import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.i18n.LocaleContextResolver;

/**
 * Vietnamese first, English second: {@code ?lang=en} wins, then {@code Accept-Language}, then
 * Vietnamese.
 */
public class LanguageResolver implements LocaleContextResolver {

	public static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

	static final List<Locale> SUPPORTED = List.of(VIETNAMESE, Locale.ENGLISH);

	@Override
	public LocaleContext resolveLocaleContext(ServerWebExchange exchange) {
		return new SimpleLocaleContext(resolve(exchange));
	}

	public static Locale resolve(ServerWebExchange exchange) {
		String lang = exchange.getRequest().getQueryParams().getFirst("lang");
		if (lang != null) {
			return supported(Locale.forLanguageTag(lang));
		}
		for (Locale accepted : acceptLanguage(exchange)) {
			Locale match = supported(accepted);
			if (match.getLanguage().equals(accepted.getLanguage())) {
				return match;
			}
		}
		return VIETNAMESE;
	}

	private static List<Locale> acceptLanguage(ServerWebExchange exchange) {
		try {
			return exchange.getRequest().getHeaders().getAcceptLanguageAsLocales();
		}
		catch (IllegalArgumentException ex) {
			return List.of();
		}
	}

	private static Locale supported(Locale locale) {
		return SUPPORTED.stream()
			.filter((candidate) -> candidate.getLanguage().equals(locale.getLanguage()))
			.findFirst()
			.orElse(VIETNAMESE);
	}

	@Override
	public void setLocaleContext(ServerWebExchange exchange, LocaleContext localeContext) {
		throw new UnsupportedOperationException("The language comes from the request only");
	}

}
