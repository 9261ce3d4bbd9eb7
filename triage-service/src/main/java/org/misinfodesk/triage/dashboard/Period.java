package org.misinfodesk.triage.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.misinfodesk.platform.problem.FieldProblem;

/**
 * Calendar days from {@code from} to {@code to}, both included, as asked for with {@code ?from=&to=}
 * ({@code yyyy-MM-dd}).
 */
public record Period(LocalDate from, LocalDate to) {

	/**
	 * The dashboard's period: the last {@code defaultDays} days ending today unless asked otherwise,
	 * at most {@code maxDays} long. Problems are collected, not thrown.
	 */
	public static Period forDashboard(String from, String to, DashboardSettings settings, LocalDate today,
			List<FieldProblem> problems) {
		LocalDate end = date(to, "to", problems);
		LocalDate start = date(from, "from", problems);
		if (end == null) {
			end = (start != null) ? start.plusDays(settings.defaultDays() - 1L) : today;
		}
		if (start == null) {
			start = end.minusDays(settings.defaultDays() - 1L);
		}
		if (start.isAfter(end)) {
			problems.add(FieldProblem.of("from", "after-to"));
		}
		else if (ChronoUnit.DAYS.between(start, end) + 1 > settings.maxDays()) {
			problems.add(FieldProblem.of("to", "period-too-long", settings.maxDays()));
		}
		return new Period(start, end);
	}

	/** A date parameter, {@code null} when absent or unreadable (then with a problem). */
	public static LocalDate date(String value, String field, List<FieldProblem> problems) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			problems.add(FieldProblem.of(field, "invalid-date"));
			return null;
		}
	}

	/** The first instant of a day in the zone. */
	public static Instant startOf(LocalDate day, ZoneId zone) {
		return day.atStartOfDay(zone).toInstant();
	}

	public List<LocalDate> days() {
		return this.from.datesUntil(this.to.plusDays(1)).toList();
	}

}
