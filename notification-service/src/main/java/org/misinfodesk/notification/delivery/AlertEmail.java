package org.misinfodesk.notification.delivery;

import java.time.Instant;
import java.util.Locale;

import org.misinfodesk.notification.text.Wording;

import org.springframework.stereotype.Component;

/**
 * The emails an agency's contact point receives: the alert for a routed case, and the reminder when
 * the case is overdue. Both in the agency's language, as plain text with an HTML alternative, with
 * everything needed to act and the acknowledgement link.
 */
@Component
class AlertEmail {

	static final int SUBJECT_SUMMARY = 120;

	private final Wording wording;

	AlertEmail(Wording wording) {
		this.wording = wording;
	}

	EmailContent.Message render(Alert alert, String agencyName, Locale locale) {
		Alert.Data data = alert.data();
		String summary = summary(data.summary());
		String subject = this.wording.message("mail.alert.subject", locale, data.caseId(), oneLine(summary));
		EmailContent content = new EmailContent(locale.getLanguage());
		content.line(this.wording.message("mail.alert.greeting", locale, agencyName)).blank();
		content.line(this.wording.message("mail.alert.intro", locale)).blank();
		content.line(this.wording.message("mail.alert.case", locale, data.caseId()));
		content.line(this.wording.message("mail.alert.verdict", locale,
				this.wording.label("verdict", data.verdict(), locale)));
		content.line(this.wording.message("mail.alert.category", locale,
				this.wording.label("category", data.category(), locale)));
		content.line(this.wording.message("mail.alert.severity", locale,
				this.wording.label("severity", data.severity(), locale)));
		content.line(this.wording.message("mail.alert.locality", locale,
				data.localityCode() == null ? this.wording.message("mail.alert.no-locality", locale)
						: data.localityCode()));
		content.line(this.wording.message("mail.alert.report-count", locale, Integer.toString(data.reportCount())))
			.blank();
		content.line(this.wording.message("mail.alert.summary", locale));
		content.quote(summary).blank();
		content.line(this.wording.message("mail.alert.sources", locale));
		if (data.sourceUrls().isEmpty()) {
			content.line(this.wording.message("mail.alert.no-sources", locale));
		}
		content.items(data.sourceUrls()).blank();
		content.line(data.dueAt() == null ? this.wording.message("mail.alert.no-due", locale)
				: this.wording.message("mail.alert.due", locale,
						this.wording.dateTime(Instant.parse(data.dueAt()), locale)))
			.blank();
		content.line(this.wording.message("mail.alert.acknowledge", locale));
		content.link(data.acknowledgeUrl(), this.wording.message("mail.alert.open", locale)).blank();
		content.line(this.wording.message("mail.alert.closing", locale));
		content.line(this.wording.message("mail.alert.signature", locale));
		return content.build(subject);
	}

	EmailContent.Message render(Reminder reminder, String agencyName, Locale locale) {
		Reminder.Data data = reminder.data();
		String summary = summary(data.summary());
		String subject = this.wording.message("mail.reminder.subject", locale, data.caseId(), oneLine(summary));
		EmailContent content = new EmailContent(locale.getLanguage());
		content.line(this.wording.message("mail.alert.greeting", locale, agencyName)).blank();
		content.line(this.wording.message("mail.reminder.intro." + data.deadline(), locale,
				this.wording.dateTime(Instant.parse(data.dueAt()), locale)))
			.blank();
		content.line(this.wording.message("mail.alert.case", locale, data.caseId()));
		content.line(this.wording.message("mail.alert.severity", locale,
				this.wording.label("severity", data.severity(), locale)))
			.blank();
		content.line(this.wording.message("mail.alert.summary", locale));
		content.quote(summary).blank();
		if (data.acknowledgeUrl() != null) {
			content.line(this.wording.message("mail.reminder.act." + data.deadline(), locale));
			content.link(data.acknowledgeUrl(), this.wording.message("mail.alert.open", locale)).blank();
		}
		content.line(this.wording.message("mail.alert.closing", locale));
		content.line(this.wording.message("mail.alert.signature", locale));
		return content.build(subject);
	}

	private static String summary(String summary) {
		return summary == null ? "" : summary.strip();
	}

	/** The summary as a header allows: one line, not too long. */
	static String oneLine(String summary) {
		String flat = summary.replaceAll("\\s+", " ");
		return flat.length() <= SUBJECT_SUMMARY ? flat : flat.substring(0, SUBJECT_SUMMARY - 1).strip() + "…";
	}

}
