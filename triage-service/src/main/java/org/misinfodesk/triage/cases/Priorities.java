package org.misinfodesk.triage.cases;

import java.time.Duration;
import java.time.Instant;

/**
 * How urgent a case is: severity first, then how many people reported it, then how fresh the
 * information is (a rumour seen an hour ago is still spreading), and whether a deadline passed.
 * Higher is more urgent.
 */
public final class Priorities {

	private static final Duration VERY_FRESH = Duration.ofHours(6);

	private static final Duration FRESH = Duration.ofHours(24);

	private static final Duration RECENT = Duration.ofHours(72);

	private Priorities() {
	}

	/** What a missed deadline adds: a late case climbs above every case of its severity. */
	public static final int OVERDUE_POINTS = 25;

	public static int of(Severity severity, int reportCount, Instant lastSeenAt, Instant now) {
		return severityPoints(severity) + volumePoints(reportCount) + freshnessPoints(lastSeenAt, now);
	}

	public static int of(Severity severity, int reportCount, Instant lastSeenAt, Instant now, boolean overdue) {
		return of(severity, reportCount, lastSeenAt, now) + (overdue ? OVERDUE_POINTS : 0);
	}

	static int severityPoints(Severity severity) {
		return switch (severity) {
			case LOW -> 10;
			case MEDIUM -> 30;
			case HIGH -> 50;
			case CRITICAL -> 70;
		};
	}

	/** Two points per extra report, at most twenty: volume can lift a case by one severity step. */
	static int volumePoints(int reportCount) {
		return Math.min(20, 2 * Math.max(0, reportCount - 1));
	}

	static int freshnessPoints(Instant lastSeenAt, Instant now) {
		Duration age = Duration.between(lastSeenAt, now);
		if (age.compareTo(VERY_FRESH) <= 0) {
			return 10;
		}
		if (age.compareTo(FRESH) <= 0) {
			return 6;
		}
		return age.compareTo(RECENT) <= 0 ? 3 : 0;
	}

}
