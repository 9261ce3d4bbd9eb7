package org.misinfodesk.report.intake;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import org.misinfodesk.report.evidence.CleanFile;
import org.misinfodesk.report.privacy.Contact;

/**
 * A report that passed every rule, with its values normalised.
 *
 * @param sourceUrl the link without fragment and tracking parameters
 * @param originalSourceUrl the link as sent (in ASCII form), kept beside it
 * @param contact present only when the reporter consented to be contacted
 * @param idempotencyKey the client's {@code Idempotency-Key}, if it sent one
 * @param evidence the attached files, already stripped of metadata
 */
record Submission(String content, String sourceUrl, String originalSourceUrl, Platform platform,
		Category categoryHint, String localityCode, Instant seenAt, Contact contact, String idempotencyKey,
		List<CleanFile> evidence) {

	Submission {
		evidence = List.copyOf(evidence);
	}

	Submission withEvidence(List<CleanFile> files) {
		return new Submission(this.content, this.sourceUrl, this.originalSourceUrl, this.platform, this.categoryHint,
				this.localityCode, this.seenAt, this.contact, this.idempotencyKey, files);
	}

	/**
	 * An unambiguous text of everything the reporter sent (each value length-prefixed, files by their
	 * digests), so that two requests carry the same report exactly when their canonical texts are equal.
	 */
	String canonical() {
		Contact reporter = this.contact == null ? new Contact(null, null, null) : this.contact;
		StringBuilder text = new StringBuilder();
		Stream.concat(Stream.of(this.content, this.originalSourceUrl, this.platform, this.categoryHint,
				this.localityCode, this.seenAt, this.contact != null, reporter.name(), reporter.email(),
				reporter.phone()), this.evidence.stream().map(CleanFile::sha256))
			.map((value) -> Objects.toString(value, null))
			.forEach((value) -> text.append(value == null ? "-" : value.length() + ":" + value).append(';'));
		return text.toString();
	}

	@Override
	public String toString() {
		return "Submission[content of " + this.content.length() + " chars, " + this.evidence.size()
				+ " files, contact=" + (this.contact != null) + "]";
	}

}
