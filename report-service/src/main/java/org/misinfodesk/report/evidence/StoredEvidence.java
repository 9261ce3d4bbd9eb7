package org.misinfodesk.report.evidence;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.TypeAlias;

/**
 * The description of a stored file; its bytes are in {@code chunks} documents beside it. Written
 * after the chunks, so a description exists only for a complete file.
 */
@TypeAlias("evidence")
record StoredEvidence(@Id String id, String reportId, String contentType, long size, String sha256, int chunks,
		Instant storedAt) {

	Evidence reference() {
		return new Evidence(this.id, this.contentType, this.size, this.sha256);
	}

}
