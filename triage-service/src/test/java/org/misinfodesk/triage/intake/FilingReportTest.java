package org.misinfodesk.triage.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.misinfodesk.triage.cases.AuditAction;
import org.misinfodesk.triage.cases.Case;
import org.misinfodesk.triage.cases.CaseSettings;
import org.misinfodesk.triage.cases.CaseStatus;
import org.misinfodesk.triage.cases.Category;
import org.misinfodesk.triage.cases.Severity;
import org.misinfodesk.triage.clustering.ClusteringSettings;
import org.misinfodesk.triage.clustering.Fingerprints;

import static org.assertj.core.api.Assertions.assertThat;

class FilingReportTest {

	static final Instant NOW = Instant.parse("2026-11-27T01:05:13Z");

	static final ClusteringSettings CLUSTERING = new ClusteringSettings(0.6, 3, 128, 32, 20, 5);

	final FilingReport opening = new FilingReport(null, null, new Fingerprints(CLUSTERING), null,
			new CaseSettings(Map.of(Category.HEALTH, Severity.HIGH, Category.OTHER, Severity.LOW), Severity.MEDIUM,
					Map.of(Severity.HIGH, Duration.ofHours(8))),
			CLUSTERING, Clock.fixed(NOW, ZoneOffset.UTC));

	static ReportSubmitted aReport(String categoryHint) {
		return new ReportSubmitted("6a1f0c2e", "HN-7KQ4-M9TX",
				"Bài đăng trên Facebook nói rằng uống nước lá ổi chữa khỏi sốt xuất huyết trong 3 ngày.",
				"https://www.facebook.com/groups/123456/posts/987654", "FACEBOOK", categoryHint, "HNA-PHU-LY",
				Instant.parse("2026-11-27T01:00:00Z"), Instant.parse("2026-11-27T01:05:12.345Z"), null);
	}

	@Test
	void reportOpensANewCaseNamedAfterIt() {
		Case opened = this.opening.caseOf(aReport("HEALTH"), "evt-1");

		assertThat(opened.id()).isEqualTo("c-6a1f0c2e");
		assertThat(opened.status()).isEqualTo(CaseStatus.NEW);
		assertThat(opened.reportCount()).isEqualTo(1);
		assertThat(opened.firstReportedAt()).isEqualTo(opened.lastReportedAt()).isEqualTo(aReport("HEALTH").submittedAt());
		assertThat(opened.summary()).isEqualTo(aReport("HEALTH").content());
		assertThat(opened.claim()).isNull();
		assertThat(opened.outbox()).isEmpty();
		assertThat(opened.audit()).singleElement().satisfies((entry) -> {
			assertThat(entry.action()).isEqualTo(AuditAction.RECEIVED);
			assertThat(entry.eventId()).isEqualTo("evt-1");
		});
	}

	@Test
	void healthRumourIsDueSoonerAndRanksAboveAnUnhintedReport() {
		Case health = this.opening.caseOf(aReport("HEALTH"), "evt-1");
		Case unhinted = this.opening.caseOf(aReport(null), "evt-2");
		Case other = this.opening.caseOf(aReport("OTHER"), "evt-3");

		assertThat(health.dueAt()).isEqualTo(aReport("HEALTH").submittedAt().plus(Duration.ofHours(8)));
		assertThat(unhinted.dueAt()).isEqualTo(aReport(null).submittedAt().plus(Duration.ofHours(24)));
		assertThat(health.priority()).isGreaterThan(unhinted.priority());
		assertThat(unhinted.priority()).isGreaterThan(other.priority());
	}

	@Test
	void categoryHintFromALaterContractVersionIsTreatedAsNoHint() {
		Case opened = this.opening.caseOf(aReport("ELECTIONS"), "evt-1");
		assertThat(opened.reports().get(0).categoryHint()).isNull();
		assertThat(opened.priority()).isEqualTo(this.opening.caseOf(aReport(null), "evt-2").priority());
	}

	@Test
	void reportJoinsTheOpenCaseWithItsSourceEvenWhenItsTextDiffers() {
		Case same = this.opening.caseOf(aReport("HEALTH"), "evt-1");
		Case other = this.opening.caseOf(new ReportSubmitted("7b", "HN-2", "Giá xăng sẽ tăng gấp đôi từ tuần sau",
				"https://example.org/xang", null, null, null, null, NOW, null), "evt-2");
		String urlKey = same.urlKeys().get(0);

		assertThat(this.opening.bestMatch(List.of(other, same), null, urlKey)).get()
			.extracting(FilingReport.Match::c)
			.isEqualTo(same);
	}

	@Test
	void reportTypedWithoutDiacriticsJoinsTheCaseOfTheSameTextWithThem() {
		Case withDiacritics = this.opening.caseOf(aReport("HEALTH"), "evt-1");
		Fingerprints fingerprints = new Fingerprints(CLUSTERING);
		var plain = fingerprints.sign("bai dang tren facebook noi rang uong nuoc la oi chua khoi sot xuat huyet "
				+ "trong 3 ngay");
		var unrelated = fingerprints.sign("Giá xăng sẽ tăng gấp đôi từ tuần sau theo quyết định mới của bộ");

		assertThat(this.opening.bestMatch(List.of(withDiacritics), plain, null)).isPresent();
		assertThat(this.opening.bestMatch(List.of(withDiacritics), unrelated, null)).isEmpty();
	}

}
