package org.misinfodesk.report.evidence;

/**
 * A stored file's bytes, as read back for an analyst.
 */
public record EvidenceContent(String id, FileKind kind, byte[] bytes) {

	@Override
	public String toString() {
		return "EvidenceContent[" + this.id + ", " + this.kind + ", " + this.bytes.length + " bytes]";
	}

}
