package org.misinfodesk.triage.ui;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

/** Instants as the pages show them: day first, in the configured zone (the same as queue.js). */
final class PageTimes {

	private final DateTimeFormatter format;

	PageTimes(UiSettings settings) {
		this.format = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(settings.timeZone());
	}

	public String format(Instant instant) {
		return (instant != null) ? this.format.format(instant) : "";
	}

	/** A response time in hours, or {@code null} without one. */
	public Double hours(Long seconds) {
		return (seconds != null) ? seconds / 3600.0 : null;
	}

}
