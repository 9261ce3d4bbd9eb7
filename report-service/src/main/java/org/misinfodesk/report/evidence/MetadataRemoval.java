package org.misinfodesk.report.evidence;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Removes what an image says about where, when and with what it was taken (EXIF with GPS, XMP, IPTC,
 * comments, text chunks) by rewriting the container without those segments. The pixels are copied
 * untouched: nothing is decoded, so a hostile image cannot exhaust memory here, and no quality is
 * lost. Reads the declared dimensions on the way, for the decompression-bomb guard.
 */
final class MetadataRemoval {

	/** What a PNG needs to be shown as intended; every other chunk (eXIf, tEXt, zTXt, iTXt, tIME...) goes. */
	private static final Set<String> PNG_KEPT = Set.of("IHDR", "PLTE", "IDAT", "IEND", "tRNS", "gAMA", "cHRM",
			"sRGB", "iCCP", "sBIT", "bKGD", "pHYs", "acTL", "fcTL", "fdAT");

	private static final int WEBP_EXIF_AND_XMP_FLAGS = 0x08 | 0x04;

	private MetadataRemoval() {
	}

	record Cleaned(byte[] bytes, Dimensions dimensions) {
	}

	/**
	 * @throws UnreadableFileException when the structure is broken
	 */
	static Cleaned clean(FileKind kind, byte[] bytes) {
		try {
			return switch (kind) {
				case PNG -> png(bytes);
				case JPEG -> jpeg(bytes);
				case WEBP -> webp(bytes);
				case PDF -> new Cleaned(bytes, null);
			};
		}
		catch (IndexOutOfBoundsException ex) {
			throw new UnreadableFileException(kind + " ends in the middle of a segment");
		}
	}

	private static Cleaned png(byte[] in) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
		out.write(in, 0, 8);
		int at = 8;
		Dimensions dimensions = null;
		boolean ended = false;
		while (!ended) {
			long length = u32be(in, at);
			String type = new String(in, at + 4, 4, StandardCharsets.US_ASCII);
			long total = 12 + length;
			if (length > Integer.MAX_VALUE || at + total > in.length) {
				throw new UnreadableFileException("PNG chunk " + type + " runs past the end");
			}
			if (dimensions == null) {
				if (!type.equals("IHDR") || length < 8) {
					throw new UnreadableFileException("PNG does not start with its header");
				}
				dimensions = new Dimensions(u32be(in, at + 8), u32be(in, at + 12));
			}
			if (PNG_KEPT.contains(type)) {
				out.write(in, at, (int) total);
			}
			ended = type.equals("IEND");
			at += (int) total;
		}
		return new Cleaned(out.toByteArray(), dimensions);
	}

	private static Cleaned jpeg(byte[] in) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
		out.write(0xFF);
		out.write(0xD8);
		int at = 2;
		Dimensions dimensions = null;
		while (true) {
			if ((in[at] & 0xFF) != 0xFF) {
				throw new UnreadableFileException("JPEG segment does not start with a marker");
			}
			while ((in[at] & 0xFF) == 0xFF) {
				at++;
			}
			int marker = in[at] & 0xFF;
			at++;
			if (marker == 0xD9) {
				out.write(0xFF);
				out.write(marker);
				break;
			}
			if (marker >= 0xD0 && marker <= 0xD7 || marker == 0x01) {
				out.write(0xFF);
				out.write(marker);
				continue;
			}
			int length = u16be(in, at);
			if (length < 2 || at + length > in.length) {
				throw new UnreadableFileException("JPEG segment runs past the end");
			}
			if (isStartOfFrame(marker)) {
				dimensions = new Dimensions(u16be(in, at + 5), u16be(in, at + 3));
			}
			if (marker == 0xDA) {
				// From the first scan on, the rest is image data (and the tables between scans).
				out.write(0xFF);
				out.write(marker);
				out.write(in, at, in.length - at);
				break;
			}
			if (keeps(marker, in, at)) {
				out.write(0xFF);
				out.write(marker);
				out.write(in, at, length);
			}
			at += length;
		}
		if (dimensions == null) {
			throw new UnreadableFileException("JPEG has no frame header");
		}
		return new Cleaned(out.toByteArray(), dimensions);
	}

	private static boolean isStartOfFrame(int marker) {
		return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
	}

	/** JFIF, the ICC colour profile and Adobe's colour transform say how to show the pixels; nothing else is kept. */
	private static boolean keeps(int marker, byte[] in, int at) {
		if (marker >= 0xE0 && marker <= 0xEF) {
			return marker == 0xE0 || marker == 0xEE
					|| marker == 0xE2 && startsWith(in, at + 2, "ICC_PROFILE");
		}
		return marker != 0xFE;
	}

	private static Cleaned webp(byte[] in) {
		if (in.length < 12) {
			throw new UnreadableFileException("WebP is shorter than its header");
		}
		ByteArrayOutputStream body = new ByteArrayOutputStream(in.length);
		int at = 12;
		Dimensions dimensions = null;
		while (at + 8 <= in.length) {
			String fourcc = new String(in, at, 4, StandardCharsets.US_ASCII);
			long size = u32le(in, at + 4);
			long padded = size + (size & 1);
			if (at + 8 + size > in.length) {
				throw new UnreadableFileException("WebP chunk " + fourcc + " runs past the end");
			}
			int data = at + 8;
			switch (fourcc) {
				case "VP8X" -> dimensions = new Dimensions(u24le(in, data + 4) + 1L, u24le(in, data + 7) + 1L);
				case "VP8 " -> {
					if (dimensions == null) {
						dimensions = new Dimensions(u16le(in, data + 6) & 0x3FFF, u16le(in, data + 8) & 0x3FFF);
					}
				}
				case "VP8L" -> {
					if (dimensions == null) {
						long bits = u32le(in, data + 1);
						dimensions = new Dimensions((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1);
					}
				}
				default -> {
				}
			}
			if (!fourcc.equals("EXIF") && !fourcc.equals("XMP ")) {
				int start = body.size();
				body.write(in, at, (int) Math.min(8 + padded, in.length - at));
				if (fourcc.equals("VP8X")) {
					byte[] written = body.toByteArray();
					written[start + 8] &= (byte) ~WEBP_EXIF_AND_XMP_FLAGS;
					body.reset();
					body.write(written, 0, written.length);
				}
			}
			at += (int) (8 + padded);
		}
		if (dimensions == null) {
			throw new UnreadableFileException("WebP has no image chunk");
		}
		byte[] chunks = body.toByteArray();
		ByteArrayOutputStream out = new ByteArrayOutputStream(chunks.length + 12);
		out.write(in, 0, 4);
		long riffSize = 4L + chunks.length;
		out.write((int) (riffSize & 0xFF));
		out.write((int) (riffSize >> 8 & 0xFF));
		out.write((int) (riffSize >> 16 & 0xFF));
		out.write((int) (riffSize >> 24 & 0xFF));
		out.write(in, 8, 4);
		out.write(chunks, 0, chunks.length);
		return new Cleaned(out.toByteArray(), dimensions);
	}

	private static boolean startsWith(byte[] in, int at, String text) {
		byte[] prefix = text.getBytes(StandardCharsets.US_ASCII);
		if (at + prefix.length > in.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (in[at + i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	private static long u32be(byte[] in, int at) {
		return ((long) (in[at] & 0xFF) << 24) | ((in[at + 1] & 0xFF) << 16) | ((in[at + 2] & 0xFF) << 8)
				| (in[at + 3] & 0xFF);
	}

	private static int u16be(byte[] in, int at) {
		return ((in[at] & 0xFF) << 8) | (in[at + 1] & 0xFF);
	}

	private static long u32le(byte[] in, int at) {
		return (in[at] & 0xFF) | ((in[at + 1] & 0xFF) << 8) | ((in[at + 2] & 0xFF) << 16)
				| ((long) (in[at + 3] & 0xFF) << 24);
	}

	private static int u24le(byte[] in, int at) {
		return (in[at] & 0xFF) | ((in[at + 1] & 0xFF) << 8) | ((in[at + 2] & 0xFF) << 16);
	}

	private static int u16le(byte[] in, int at) {
		return (in[at] & 0xFF) | ((in[at + 1] & 0xFF) << 8);
	}

}
