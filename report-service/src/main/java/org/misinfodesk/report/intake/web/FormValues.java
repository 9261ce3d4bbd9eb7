package org.misinfodesk.report.intake.web;

import java.util.UUID;
import java.util.regex.Pattern;

import org.misinfodesk.report.intake.ReportDraft;
import org.misinfodesk.report.pages.PageTimes;

import org.springframework.util.MultiValueMap;

/**
 * What the citizen typed into the form, kept as typed so that a form with errors comes back as they
 * left it.
 *
 * @param idempotencyKey drawn when the form is shown, so that sending the same form twice (a double
 * click, a reload) makes one report
 */
record FormValues(String content, String sourceUrl, String platform, String categoryHint, String localityCode,
		String seenAt, String reporterName, String reporterEmail, String reporterPhone, boolean contactConsent,
		String idempotencyKey) {

	private static final Pattern UUID_FORM = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

	static FormValues blank() {
		return new FormValues("", "", "", "", "", "", "", "", "", false, newKey());
	}

	static FormValues from(MultiValueMap<String, String> form) {
		String key = value(form, "idempotencyKey");
		return new FormValues(value(form, "content"), value(form, "sourceUrl"), value(form, "platform"),
				value(form, "categoryHint"), value(form, "localityCode"), value(form, "seenAt"),
				value(form, "reporter-name"), value(form, "reporter-email"), value(form, "reporter-phone"),
				"true".equals(form.getFirst("contactConsent")), UUID_FORM.matcher(key).matches() ? key : newKey());
	}

	FormValues withNewKey() {
		return new FormValues(this.content, this.sourceUrl, this.platform, this.categoryHint, this.localityCode,
				this.seenAt, this.reporterName, this.reporterEmail, this.reporterPhone, this.contactConsent, newKey());
	}

	/** The form's {@code datetime-local} value is a time in the province; the API wants its offset. */
	ReportDraft toDraft(PageTimes times) {
		String seen = this.seenAt.isBlank() ? null : times.fromLocalField(this.seenAt).orElse(this.seenAt);
		return new ReportDraft(this.content, this.sourceUrl, this.platform, this.categoryHint, this.localityCode, seen,
				new ReportDraft.Reporter(this.reporterName, this.reporterEmail, this.reporterPhone,
						this.contactConsent));
	}

	private static String value(MultiValueMap<String, String> form, String name) {
		String value = form.getFirst(name);
		return value == null ? "" : value;
	}

	private static String newKey() {
		return UUID.randomUUID().toString();
	}

	@Override
	public String toString() {
		return "FormValues[(hidden)]";
	}

}
