package org.misinfodesk.triage.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * One step of a per-day counter: {@code by} more (or fewer) of {@code value} in {@code dimension} on
 * {@code day}; {@link #id()} names the counter.
 */
public record Tally(LocalDate day, String dimension, String value, long by) {

	/** What a missing category or locality is counted as. */
	public static final String NONE = "NONE";

	/** The value of a dimension with one value only. */
	public static final String ALL = "all";

	/** Longest value kept: a locality code from an event is not trusted to be short. */
	static final int MAX_VALUE = 64;

	public Tally {
		value = (value == null || value.isBlank()) ? NONE : value.strip();
		if (value.length() > MAX_VALUE) {
			value = value.substring(0, MAX_VALUE);
		}
	}

	public static Tally of(Instant at, ZoneId zone, String dimension, Object value, long by) {
		return new Tally(LocalDate.ofInstant(at, zone), dimension, (value != null) ? value.toString() : null, by);
	}

	public String id() {
		return this.day + "|" + this.dimension + "|" + this.value;
	}

	Tally plus(long more) {
		return new Tally(this.day, this.dimension, this.value, this.by + more);
	}

	/** The counters' dimensions. */
	public static final class Dimensions {

		/** Reports filed, by the day they were submitted. */
		public static final String REPORTS = "reports";

		/** Reports by the category their reporter suggested. */
		public static final String REPORT_CATEGORY = "reports.category";

		/** Reports by their locality. */
		public static final String REPORT_LOCALITY = "reports.locality";

		/** Cases opened (by a report or by a split), by their first report's day. */
		public static final String CASES = "cases";

		/** Cases by status, counted on the day of their first report and moved as the status changes. */
		public static final String CASE_STATUS = "cases.status";

		/** Cases found past a deadline, by the day they were. */
		public static final String OVERDUE = "cases.overdue";

		/** Decisions, by the day they were made. */
		public static final String DECISIONS = "decisions";

		public static final String DECISION_CATEGORY = "decisions.category";

		public static final String DECISION_LOCALITY = "decisions.locality";

		public static final String DECISION_VERDICT = "decisions.verdict";

		/** Agencies a case was routed to, by the day it was. */
		public static final String AGENCY_ROUTED = "agency.routed";

		public static final String AGENCY_ACKNOWLEDGED = "agency.acknowledged";

		public static final String AGENCY_RESOLVED = "agency.resolved";

		/** Deadlines an agency missed (acknowledgement and resolution each count), by the day found. */
		public static final String AGENCY_LATE = "agency.late";

		private Dimensions() {
		}

	}

}
