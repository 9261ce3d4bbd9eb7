package org.misinfodesk.triage.cases;

import java.time.Instant;

/** Case fixtures. */
final class CaseFixtures {

	private CaseFixtures() {
	}

	static CaseReport aHealthRumourReport() {
		return new CaseReport("r-1", "HN-7KQ4-M9TX",
				"Bài đăng trên Facebook nói rằng uống nước lá ổi chữa khỏi sốt xuất huyết trong 3 ngày.",
				"https://www.facebook.com/groups/123456/posts/987654", "FACEBOOK", Category.HEALTH, "HNA-PHU-LY",
				Instant.parse("2026-11-27T01:00:00Z"), Instant.parse("2026-11-27T01:05:12.345Z"), null, null);
	}

	static Fixture aNewCase() {
		return new Fixture(Case.open(aHealthRumourReport(), 60, "Bài đăng trên Facebook",
				Instant.parse("2026-11-27T09:05:12.345Z"),
				AuditEntry.of(Instant.parse("2026-11-27T01:05:13Z"), AuditEntry.SYSTEM, AuditAction.RECEIVED, null),
				null, java.util.List.of()));
	}

	/** Adjusts a fixture case the way stored writes would. */
	record Fixture(Case c) {

		Case withClaim(Claim claim) {
			return new Case(this.c.id(), CaseStatus.IN_REVIEW, this.c.priority(), this.c.summary(), this.c.reports(),
					this.c.reportCount(), this.c.firstReportedAt(), this.c.lastReportedAt(), this.c.dueAt(), claim,
					this.c.decision(), this.c.routing(), this.c.agencies(), this.c.audit(), this.c.outbox(),
					this.c.version() + 1, this.c.category(), this.c.localityCode(), this.c.signatures(),
					this.c.urlKeys(), this.c.overdue(), this.c.nextDeadlineAt(), this.c.mergedInto());
		}

	}

}
