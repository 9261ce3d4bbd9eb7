package org.misinfodesk.notification.delivery;

import java.time.Instant;
import java.util.Locale;

import org.misinfodesk.notification.text.Wording;

import org.springframework.stereotype.Component;

/**
 * The email an agency's contact point receives for a routed case: plain text in the agency's
 * language, with everything needed to act and the acknowledgement link.
 */
@Component
class AlertEmail {

	static final int SUBJECT_SUMMARY = 120;

	private final Wording wording;

	AlertEmail(Wording wording) {
		this.wording = wording;
	}

	Message render(Alert alert, String agencyName, Locale locale) {
		Alert.Data data = alert.data();
		String summary = data.summary() == null ? "" : data.summary().strip();
		String subject = this.wording.message("mail.alert.subject", locale, data.caseId(), oneLine(summary));
		StringBuilder text = new StringBuilder();
		line(text, this.wording.message("mail.alert.greeting", locale, agencyName)).append('\n');
		line(text, this.wording.message("mail.alert.intro", locale)).append('\n');
		line(text, this.wording.message("mail.alert.case", locale, data.caseId()));
		line(text, this.wording.message("mail.alert.verdict", locale,
				this.wording.label("verdict", data.verdict(), locale)));
		line(text, this.wording.message("mail.alert.category", locale,
				this.wording.label("category", data.category(), locale)));
		line(text, this.wording.message("mail.alert.severity", locale,
				this.wording.label("severity", data.severity(), locale)));
		line(text, this.wording.message("mail.alert.locality", locale,
				data.localityCode() == null ? this.wording.message("mail.alert.no-locality", locale)
						: data.localityCode()));
		line(text, this.wording.message("mail.alert.report-count", locale, Integer.toString(data.reportCount())))
			.append('\n');
		line(text, this.wording.message("mail.alert.summary", locale));
		line(text, summary).append('\n');
		line(text, this.wording.message("mail.alert.sources", locale));
		if (data.sourceUrls().isEmpty()) {
			line(text, this.wording.message("mail.alert.no-sources", locale));
		}
		data.sourceUrls().forEach((url) -> line(text, "- " + url));
		text.append('\n');
		line(text, data.dueAt() == null ? this.wording.message("mail.alert.no-due", locale)
				: this.wording.message("mail.alert.due", locale,
						this.wording.dateTime(Instant.parse(data.dueAt()), locale)))
			.append('\n');
		line(text, this.wording.message("mail.alert.acknowledge", locale));
		line(text, data.acknowledgeUrl()).append('\n');
		line(text, this.wording.message("mail.alert.closing", locale));
		line(text, this.wording.message("mail.alert.signature", locale));
		return new Message(subject, text.toString());
	}

	private static StringBuilder line(StringBuilder text, String line) {
		return text.append(line).append('\n');
	}

	/** The summary as a header allows: one line, not too long. */
	private static String oneLine(String summary) {
		String flat = summary.replaceAll("\\s+", " ");
		return flat.length() <= SUBJECT_SUMMARY ? flat : flat.substring(0, SUBJECT_SUMMARY - 1).strip() + "…";
	}

	record Message(String subject, String text) {
	}

}
