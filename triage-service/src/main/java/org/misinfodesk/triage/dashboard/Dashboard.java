package org.misinfodesk.triage.dashboard;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The supervisors' figures for a period of days (in {@code timeZone}), both ends included.
 *
 * @param days one line per day of the period, empty days included
 * @param categories reports by their suggested category and decisions by their decided category
 * @param localities reports and decisions by locality, most reports first
 * @param statuses the cases first reported in the period, by their status now
 * @param agencies per agency: routings, responses, missed deadlines and response times in the period
 * @param overdue the cases overdue now, whatever the period
 */
public record Dashboard(LocalDate from, LocalDate to, String timeZone, Totals totals, List<Day> days,
		List<Share> categories, List<Share> localities, Map<String, Long> statuses, List<AgencyFigures> agencies,
		List<OverdueCase> overdue) {

	public record Totals(long reports, long cases, long decisions, long overdue) {
	}

	public record Day(LocalDate day, long reports, long cases, long decisions, long overdue) {
	}

	/** @param key a category name, a locality code, or {@code NONE} */
	public record Share(String key, long reports, long decisions) {
	}

	public record AgencyFigures(String agencyId, String name, long routed, long acknowledged, long resolved,
			long late, ResponseTimes acknowledgement, ResponseTimes resolution) {
	}

	/**
	 * @param medianSeconds {@code null} without responses
	 * @param p90Seconds the 90th percentile, {@code null} without responses
	 */
	public record ResponseTimes(int count, Long medianSeconds, Long p90Seconds) {
	}

}
