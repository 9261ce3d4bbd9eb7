package org.misinfodesk.report.intake;

/**
 * Reports as citizens send them.
 */
public final class ReportDrafts {

	private ReportDrafts() {
	}

	/** Everything filled in, by a reporter who stays anonymous. */
	public static ReportDraft aHealthRumour() {
		return new ReportDraft(
				"Bài đăng trên Facebook nói rằng uống nước lá ổi chữa khỏi sốt xuất huyết trong 3 ngày, kêu gọi không đến bệnh viện.",
				"https://www.facebook.com/groups/123456/posts/987654", "FACEBOOK", "HEALTH", "HNA-PHU-LY",
				"2026-11-27T08:00:00+07:00", null);
	}

	/** Only what is required. */
	public static ReportDraft aBareReport(String content) {
		return new ReportDraft(content, null, null, null, null, null, null);
	}

	public static ReportDraft aHealthRumourBy(ReportDraft.Reporter reporter) {
		ReportDraft rumour = aHealthRumour();
		return new ReportDraft(rumour.content(), rumour.sourceUrl(), rumour.platform(), rumour.categoryHint(),
				rumour.localityCode(), rumour.seenAt(), reporter);
	}

	public static ReportDraft.Reporter aConsentingReporter() {
		return new ReportDraft.Reporter("Nguyễn Thị Lan", "lan.nguyen@example.vn", "+84 912 345 678", true);
	}

	public static ReportDraft.Reporter aReporterWithoutConsent() {
		return new ReportDraft.Reporter("Trần Văn Bình", "binh.tran@example.vn", "0987 654 321", false);
	}

}
