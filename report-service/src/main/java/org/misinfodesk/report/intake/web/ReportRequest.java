package org.misinfodesk.report.intake.web;

import io.swagger.v3.oas.annotations.media.Schema;
import org.misinfodesk.report.intake.ReportDraft;

/**
 * The JSON body of a new report. Every field is read as text so that a wrong value becomes a field
 * error the citizen can act on, not an unreadable request.
 */
@Schema(name = "ReportRequest", description = "A citizen's report. Only content is required.")
record ReportRequest(
		@Schema(description = "What the citizen saw", requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 10000,
				example = "Bài đăng nói rằng uống nước lá ổi chữa khỏi sốt xuất huyết trong 3 ngày.") String content,
		@Schema(description = "Where it was seen; http or https", format = "uri", maxLength = 2048,
				example = "https://www.facebook.com/groups/123456/posts/987654") String sourceUrl,
		@Schema(description = "Where it was published",
				allowableValues = { "FACEBOOK", "YOUTUBE", "TIKTOK", "ZALO", "WEBSITE", "PRESS", "OTHER" },
				example = "FACEBOOK") String platform,
		@Schema(description = "The reporter's guess of the category; triage confirms it",
				allowableValues = { "POLICY_LAW", "ECONOMY_FINANCE", "HEALTH", "DISASTER_EPIDEMIC", "SECURITY_ORDER",
						"IMPERSONATION", "SCAM", "OTHER" },
				example = "HEALTH") String categoryHint,
		@Schema(description = "The locality concerned", maxLength = 64, example = "HNA-PHU-LY") String localityCode,
		@Schema(description = "When it was seen, ISO-8601 with offset; not in the future", format = "date-time",
				example = "2026-11-27T08:00:00+07:00") String seenAt,
		@Schema(description = "Optional. Kept (encrypted) only when contactConsent is true; never published, never shown") Reporter reporter) {

	ReportDraft toDraft() {
		return new ReportDraft(this.content, this.sourceUrl, this.platform, this.categoryHint, this.localityCode,
				this.seenAt, this.reporter == null ? null : this.reporter.toDraft());
	}

	@Schema(name = "Reporter", description = "Who sent the report, if they chose to say")
	record Reporter(@Schema(maxLength = 200, example = "Nguyễn Văn A") String name,
			@Schema(format = "email", maxLength = 254, example = "nguyenvana@example.vn") String email,
			@Schema(maxLength = 32, example = "+84 912 345 678") String phone,
			@Schema(description = "Agrees to be contacted about this report; without it the details are discarded") Boolean contactConsent) {

		ReportDraft.Reporter toDraft() {
			return new ReportDraft.Reporter(this.name, this.email, this.phone, this.contactConsent);
		}

		@Override
		public String toString() {
			return "Reporter[(hidden)]";
		}

	}

}
