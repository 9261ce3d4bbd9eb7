package org.misinfodesk.notification.delivery;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.misinfodesk.notification.text.Wording;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

class AlertEmailTest {

	static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

	static final String ACK = "https://notify.example/acknowledgements/tok";

	final AlertEmail emails = new AlertEmail(new Wording(messages()));

	@Test
	void subjectAsksToVerifyTheCaseAndNamesItsSummary() {
		EmailContent.Message email = render(Alert.of(RoutedCases.aHealthRumour(), ACK));

		assertThat(email.subject()).isEqualTo(
				"[Misinfo Desk] Đề nghị xác minh, xử lý vụ việc c-6a1f0c2e-4d7b-4b8e-9a3c-1f2d3e4a5b6c: Bài đăng trên "
						+ "Facebook nói rằng uống nước lá ổi chữa khỏi sốt xuất huyết trong 3 ngày");
	}

	@Test
	void textCarriesTheCaseTheDeadlineInVietnamTimeAndTheAcknowledgementLink() {
		String text = render(Alert.of(RoutedCases.aHealthRumour(), ACK)).text();

		assertThat(text).contains("Kính gửi: Sở Y tế tỉnh Hà Nam,")
			.contains("Bài đăng trên Facebook nói rằng uống nước lá ổi chữa khỏi sốt xuất huyết trong 3 ngày")
			.contains("Kết luận: Tin giả")
			.contains("Lĩnh vực: Y tế, thuốc và sản phẩm y tế")
			.contains("Mức độ: Cao")
			.contains("Địa bàn: HNA-PHU-LY")
			.contains("- https://www.facebook.com/groups/123456/posts/987654")
			.contains("Thời hạn xử lý: 09:10 ngày 28/11/2026 (giờ Việt Nam)")
			.contains(ACK + "\n");
	}

	@Test
	void aLongSummaryIsShortenedToOneLineInTheSubjectButKeptWholeInTheText() {
		CaseRouted example = RoutedCases.aHealthRumour();
		String summary = "Dòng một\nDòng hai " + "rất dài ".repeat(40);
		CaseRouted wordy = new CaseRouted(example.caseId(), 1, "DISTORTED", "SCAM", "CRITICAL", null, summary, 2,
				null, example.agencies(), null, example.routedAt());

		EmailContent.Message email = render(Alert.of(wordy, ACK));

		assertThat(email.subject()).doesNotContain("\n").endsWith("…").contains("Dòng một Dòng hai");
		assertThat(email.subject().substring(email.subject().indexOf(example.caseId() + ": ") + example.caseId().length() + 2))
			.hasSizeLessThanOrEqualTo(AlertEmail.SUBJECT_SUMMARY);
		assertThat(email.text()).contains(summary.strip())
			.contains("Kết luận: Tin xuyên tạc")
			.contains("Thời hạn xử lý: chưa ấn định")
			.contains("Địa bàn: chưa xác định")
			.contains("(không có)");
	}

	@Test
	void theHtmlAlternativeSaysTheSameWithEveryValueEscaped() {
		CaseRouted example = RoutedCases.aHealthRumour();
		CaseRouted hostile = new CaseRouted(example.caseId(), 1, "FAKE", "HEALTH", "HIGH", null,
				"<script>alert('x')</script> & lá ổi", 1, null, example.agencies(), null, example.routedAt());

		EmailContent.Message email = render(Alert.of(hostile, ACK));

		assertThat(email.html()).startsWith("<!DOCTYPE html>")
			.contains("<html lang=\"vi\">")
			.contains("Kết luận: Tin giả")
			.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; lá ổi")
			.doesNotContain("<script>")
			.contains("<a href=\"" + ACK + "\"");
	}

	@Test
	void anAgencyThatReadsEnglishGetsItInEnglish() {
		EmailContent.Message email = this.emails.render(Alert.of(RoutedCases.aHealthRumour(), ACK), "Health Department",
				Locale.ENGLISH);

		assertThat(email.subject()).startsWith("[Misinfo Desk] Please verify and resolve case ");
		assertThat(email.text()).contains("To: Health Department,")
			.contains("Verdict: Fake")
			.contains("Severity: High")
			.contains("Deadline: 09:10, 28 Nov 2026 (Vietnam time)");
		assertThat(email.html()).contains("<html lang=\"en\">");
	}

	@Test
	void aReminderNamesTheMissedDeadlineAndCarriesTheLink() {
		CaseOverdue overdue = RoutedCases.json.readValue(
				org.misinfodesk.platform.test.Contracts.example(CaseOverdue.TYPE), CaseOverdue.class);

		EmailContent.Message vi = this.emails.render(Reminder.of(overdue, ACK), "Sở Y tế tỉnh Hà Nam", VIETNAMESE);
		EmailContent.Message en = this.emails.render(Reminder.of(overdue, ACK), "Health Department", Locale.ENGLISH);

		assertThat(vi.subject()).startsWith("[Misinfo Desk] Nhắc việc: vụ việc c-6a1f0c2e");
		assertThat(vi.text()).contains("quá thời hạn xác nhận tiếp nhận (09:10 ngày 28/11/2026, giờ Việt Nam)")
			.contains(ACK);
		assertThat(en.text()).contains("passed its acknowledgement deadline (09:10, 28 Nov 2026, Vietnam time)")
			.contains("your agency's acknowledgement");
	}

	private EmailContent.Message render(Alert alert) {
		return this.emails.render(alert, "Sở Y tế tỉnh Hà Nam", VIETNAMESE);
	}

	static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasenames("messages", "problems");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

}
