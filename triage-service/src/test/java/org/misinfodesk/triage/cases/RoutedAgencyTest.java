package org.misinfodesk.triage.cases;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RoutedAgencyTest {

	static final Instant DUE = Instant.parse("2026-11-28T02:10:00Z");

	static final Instant MONDAY = Instant.parse("2026-11-27T03:00:00Z");

	static final Instant TUESDAY = Instant.parse("2026-11-28T03:00:00Z");

	static RoutedAgency waiting() {
		return RoutedAgency.routed("so-y-te", "Sở Y tế tỉnh Hà Nam", 1, DUE, DUE.plusSeconds(86400), DUE.minusSeconds(86400));
	}

	@Test
	void firstAcknowledgementIsTheOneKept() {
		RoutedAgency agency = waiting().acknowledged(MONDAY).acknowledged(TUESDAY);
		assertThat(agency.acknowledgedAt()).isEqualTo(MONDAY);
		assertThat(agency.resolvedAt()).isNull();
	}

	@Test
	void resolvingWithoutAcknowledgingCountsAsBoth() {
		RoutedAgency agency = waiting().resolved(TUESDAY);
		assertThat(agency.acknowledgedAt()).isEqualTo(TUESDAY);
		assertThat(agency.resolvedAt()).isEqualTo(TUESDAY);
	}

	@Test
	void resolvingKeepsTheEarlierAcknowledgement() {
		RoutedAgency agency = waiting().acknowledged(MONDAY).resolved(TUESDAY).resolved(TUESDAY.plusSeconds(60));
		assertThat(agency.acknowledgedAt()).isEqualTo(MONDAY);
		assertThat(agency.resolvedAt()).isEqualTo(TUESDAY);
	}

	@Test
	void aDeclinedAgencyHasNoDeadlineLeftAndIsNeverLate() {
		RoutedAgency agency = waiting().declined(MONDAY);
		Instant muchLater = DUE.plusSeconds(10 * 86400);
		assertThat(agency.declinedAt()).isEqualTo(MONDAY);
		assertThat(agency.acknowledgedAt()).isEqualTo(MONDAY);
		assertThat(agency.nextDeadline()).isNull();
		assertThat(agency.lateAt(muchLater)).isFalse();
		assertThat(agency.lateOrMarkedAt(muchLater)).isFalse();
		assertThat(agency.acknowledgementLateAt(muchLater)).isFalse();
		assertThat(agency.resolutionLateAt(muchLater)).isFalse();
	}

	@Test
	void aDeclineAfterTheOutcomeChangesNothingAndAnOutcomeAfterADeclineNeither() {
		RoutedAgency resolved = waiting().resolved(MONDAY).declined(TUESDAY);
		assertThat(resolved.declinedAt()).isNull();
		assertThat(resolved.resolvedAt()).isEqualTo(MONDAY);
		RoutedAgency declined = waiting().declined(MONDAY).resolved(TUESDAY);
		assertThat(declined.resolvedAt()).isNull();
		assertThat(declined.declinedAt()).isEqualTo(MONDAY);
	}

}
