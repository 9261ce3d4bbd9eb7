package org.misinfodesk.triage.cases;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClaimTest {

	static final Instant NOW = Instant.parse("2026-11-27T02:00:00Z");

	static Claim heldBy(String analyst, Duration leftOnLease) {
		Instant expiresAt = NOW.plus(leftOnLease);
		return new Claim(analyst, expiresAt.minus(Duration.ofMinutes(30)), expiresAt);
	}

	@Test
	void unclaimedCaseIsFreeForAnyAnalyst() {
		assertThat(Claim.stateOf(null, "lan", NOW)).isEqualTo(ClaimState.FREE);
		assertThat(ClaimState.FREE.claimable()).isTrue();
	}

	@Test
	void claimWhoseLeaseRanOutFreesTheCase() {
		Claim expired = heldBy("minh", Duration.ofSeconds(-1));
		assertThat(Claim.stateOf(expired, "lan", NOW)).isEqualTo(ClaimState.EXPIRED);
		assertThat(Claim.stateOf(expired, "minh", NOW)).isEqualTo(ClaimState.EXPIRED);
		assertThat(ClaimState.EXPIRED.claimable()).isTrue();
	}

	@Test
	void leaseEndsExactlyAtItsExpiry() {
		assertThat(Claim.stateOf(heldBy("minh", Duration.ZERO), "lan", NOW)).isEqualTo(ClaimState.EXPIRED);
		assertThat(Claim.stateOf(heldBy("minh", Duration.ofMillis(1)), "lan", NOW))
			.isEqualTo(ClaimState.HELD_BY_OTHER);
	}

	@Test
	void unexpiredClaimOfAnotherAnalystKeepsTheCaseFromOthers() {
		Claim held = heldBy("minh", Duration.ofMinutes(10));
		assertThat(Claim.stateOf(held, "lan", NOW)).isEqualTo(ClaimState.HELD_BY_OTHER);
		assertThat(ClaimState.HELD_BY_OTHER.claimable()).isFalse();
	}

	@Test
	void ownUnexpiredClaimIsMineToRenewOrDecide() {
		Claim held = heldBy("lan", Duration.ofMinutes(10));
		assertThat(Claim.stateOf(held, "lan", NOW)).isEqualTo(ClaimState.MINE);
		assertThat(ClaimState.MINE.claimable()).isTrue();
	}

	@Test
	void queueShowsTheHolderOnlyWhileTheLeaseRuns() {
		Case held = CaseFixtures.aNewCase().withClaim(heldBy("minh", Duration.ofMinutes(10)));
		Case expired = CaseFixtures.aNewCase().withClaim(heldBy("minh", Duration.ofMinutes(-10)));
		assertThat(CaseSummary.of(held, NOW).claimedBy()).isEqualTo("minh");
		assertThat(CaseSummary.of(expired, NOW).claimedBy()).isNull();
		assertThat(CaseDetails.of(expired, NOW).claim()).isNull();
	}

}
