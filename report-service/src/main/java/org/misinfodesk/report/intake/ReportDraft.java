package org.misinfodesk.report.intake;

/**
 * A report as the citizen sent it, before any rule was checked; every value is as typed, or
 * {@code null}.
 */
public record ReportDraft(String content, String sourceUrl, String platform, String categoryHint,
		String localityCode, String seenAt, Reporter reporter) {

	/**
	 * Who sent it, if they chose to say. Kept only with {@code contactConsent}; its {@code toString}
	 * hides the details so that they cannot slip into a log line.
	 */
	public record Reporter(String name, String email, String phone, Boolean contactConsent) {

		@Override
		public String toString() {
			return "Reporter[(hidden), contactConsent=" + this.contactConsent + "]";
		}

	}

}
