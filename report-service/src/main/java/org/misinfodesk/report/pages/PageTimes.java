package org.misinfodesk.report.pages;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * Times as citizens read and type them: local to the province, day before month.
 */
@Component
public class PageTimes {

	private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

	private final PageSettings settings;

	PageTimes(PageSettings settings) {
		this.settings = settings;
	}

	public String show(Instant instant) {
		return SHOWN.format(instant.atZone(this.settings.timeZone()));
	}

	/**
	 * Reads the value of a {@code datetime-local} field as a time in the province.
	 * @return the ISO-8601 time with its offset, or empty when the value is not a local date-time
	 */
	public Optional<String> fromLocalField(String value) {
		try {
			return Optional.of(LocalDateTime.parse(value.strip())
				.atZone(this.settings.timeZone())
				.toOffsetDateTime()
				.toString());
		}
		catch (DateTimeParseException ex) {
			return Optional.empty();
		}
	}

}
