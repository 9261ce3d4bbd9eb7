package org.misinfodesk.triage.cases;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PrioritiesTest {

	static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

	static int fresh(Severity severity, int reportCount) {
		return Priorities.of(severity, reportCount, NOW, NOW);
	}

	static Instant hoursAgo(int hours) {
		return NOW.minus(Duration.ofHours(hours));
	}

	@Test
	void moreSevereCaseComesFirst() {
		assertThat(fresh(Severity.CRITICAL, 1)).isGreaterThan(fresh(Severity.HIGH, 1));
		assertThat(fresh(Severity.HIGH, 1)).isGreaterThan(fresh(Severity.MEDIUM, 1));
		assertThat(fresh(Severity.MEDIUM, 1)).isGreaterThan(fresh(Severity.LOW, 1));
	}

	@Test
	void severityOutweighsFreshness() {
		assertThat(Priorities.of(Severity.HIGH, 1, hoursAgo(200), NOW))
			.isGreaterThan(Priorities.of(Severity.MEDIUM, 1, NOW, NOW));
	}

	@Test
	void informationSeenRecentlyIsMoreUrgentThanOldNews() {
		int justSeen = Priorities.of(Severity.MEDIUM, 1, hoursAgo(1), NOW);
		int seenYesterday = Priorities.of(Severity.MEDIUM, 1, hoursAgo(20), NOW);
		int seenThisWeek = Priorities.of(Severity.MEDIUM, 1, hoursAgo(60), NOW);
		int oldNews = Priorities.of(Severity.MEDIUM, 1, hoursAgo(200), NOW);
		assertThat(justSeen).isGreaterThan(seenYesterday);
		assertThat(seenYesterday).isGreaterThan(seenThisWeek);
		assertThat(seenThisWeek).isGreaterThan(oldNews);
	}

	@Test
	void aClockAheadOfTheReporterCountsAsJustSeen() {
		assertThat(Priorities.of(Severity.LOW, 1, NOW.plusSeconds(30), NOW))
			.isEqualTo(Priorities.of(Severity.LOW, 1, NOW, NOW));
	}

	@Test
	void manyReportsLiftACaseByAtMostOneSeverityStep() {
		assertThat(fresh(Severity.MEDIUM, 5)).isGreaterThan(fresh(Severity.MEDIUM, 1));
		assertThat(fresh(Severity.MEDIUM, 500)).isEqualTo(fresh(Severity.HIGH, 1));
	}

	@Test
	void reportSeenInTheFutureIsDatedByItsSubmission() {
		CaseReport report = new CaseReport("r", "T", "c", null, null, null, null, NOW.plusSeconds(3600), NOW, null, null);
		assertThat(report.lastSeenAt()).isEqualTo(NOW);
		CaseReport unseen = new CaseReport("r", "T", "c", null, null, null, null, null, NOW, null, null);
		assertThat(unseen.lastSeenAt()).isEqualTo(NOW);
	}

}
