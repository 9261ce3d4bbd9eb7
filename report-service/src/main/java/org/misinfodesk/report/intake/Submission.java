package org.misinfodesk.report.intake;

import java.time.Instant;
import java.util.Objects;
import java.util.stream.Stream;

import org.misinfodesk.report.privacy.Contact;

/**
 * A report that passed every rule, with its values normalised.
 *
 * @param contact present only when the reporter consented to be contacted
 * @param idempotencyKey the client's {@code Idempotency-Key}, if it sent one
 */
record Submission(String content, String sourceUrl, Platform platform, Category categoryHint, String localityCode,
		Instant seenAt, Contact contact, String idempotencyKey) {

	/**
	 * An unambiguous text of everything the reporter sent (each value length-prefixed), so that two
	 * requests carry the same report exactly when their canonical texts are equal.
	 */
	String canonical() {
		Contact reporter = this.contact == null ? new Contact(null, null, null) : this.contact;
		StringBuilder text = new StringBuilder();
		Stream.of(this.content, this.sourceUrl, this.platform, this.categoryHint, this.localityCode, this.seenAt,
				this.contact != null, reporter.name(), reporter.email(), reporter.phone())
			.map((value) -> Objects.toString(value, null))
			.forEach((value) -> text.append(value == null ? "-" : value.length() + ":" + value).append(';'));
		return text.toString();
	}

	@Override
	public String toString() {
		return "Submission[content of " + this.content.length() + " chars, contact=" + (this.contact != null) + "]";
	}

}
