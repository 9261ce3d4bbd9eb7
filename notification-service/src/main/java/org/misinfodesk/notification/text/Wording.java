package org.misinfodesk.notification.text;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Words for the values of a routed case in the reader's language, and times as read in Vietnam,
 * where every agency is.
 */
@Component
public class Wording {

	public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	private final MessageSource messages;

	public Wording(MessageSource messages) {
		this.messages = messages;
	}

	/** A label such as {@code verdict.FAKE}; the raw value when there is none. */
	public String label(String kind, String value, Locale locale) {
		if (value == null) {
			return "";
		}
		return this.messages.getMessage(kind + "." + value, null, value, locale);
	}

	/** {@code 09:10 ngày 28/11/2026} in Vietnamese. */
	public String dateTime(Instant instant, Locale locale) {
		String pattern = this.messages.getMessage("format.date-time", null, "HH:mm dd/MM/yyyy", locale);
		return DateTimeFormatter.ofPattern(pattern, locale).withZone(VIETNAM).format(instant);
	}

	public String message(String key, Locale locale, Object... args) {
		return this.messages.getMessage(key, args, locale);
	}

}
