package org.misinfodesk.report.evidence;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * An accepted evidence file, metadata removed, with the digest of exactly the bytes to be stored.
 */
public record CleanFile(FileKind kind, byte[] bytes, String sha256) {

	static CleanFile of(FileKind kind, byte[] bytes) {
		try {
			return new CleanFile(kind, bytes,
					HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	@Override
	public String toString() {
		return "CleanFile[" + this.kind + ", " + this.bytes.length + " bytes, " + this.sha256 + "]";
	}

}
