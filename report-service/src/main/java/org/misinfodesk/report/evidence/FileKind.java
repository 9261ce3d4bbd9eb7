package org.misinfodesk.report.evidence;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of evidence file a report may carry, recognised by their first bytes: neither the
 * file's name nor the type the client declared is trusted.
 */
public enum FileKind {

	PNG("image/png"), JPEG("image/jpeg"), WEBP("image/webp"), PDF("application/pdf");

	private static final byte[] PNG_SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };

	private final String contentType;

	FileKind(String contentType) {
		this.contentType = contentType;
	}

	public String contentType() {
		return this.contentType;
	}

	public boolean isImage() {
		return this != PDF;
	}

	/** @return empty when the bytes are none of the accepted kinds */
	public static Optional<FileKind> sniff(byte[] bytes) {
		if (startsWith(bytes, 0, PNG_SIGNATURE)) {
			return Optional.of(PNG);
		}
		if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8 && (bytes[2] & 0xFF) == 0xFF) {
			return Optional.of(JPEG);
		}
		if (startsWith(bytes, 0, ascii("RIFF")) && startsWith(bytes, 8, ascii("WEBP"))) {
			return Optional.of(WEBP);
		}
		if (startsWith(bytes, 0, ascii("%PDF-"))) {
			return Optional.of(PDF);
		}
		return Optional.empty();
	}

	public static Optional<FileKind> ofContentType(String contentType) {
		return Arrays.stream(values()).filter((kind) -> kind.contentType.equals(contentType)).findFirst();
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

	private static boolean startsWith(byte[] bytes, int offset, byte[] prefix) {
		if (bytes.length < offset + prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (bytes[offset + i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}

}
