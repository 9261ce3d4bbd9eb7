package org.misinfodesk.report.evidence;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

/**
 * Files as citizens attach them: screenshots, phone photos with their GPS position, and things that
 * only pretend to be images.
 */
public final class EvidenceSamples {

	/** Written into the GPS data of the sample photo, so that a test can look for it in what is stored. */
	public static final String GPS_TRACE = "GPS 20.5411N 105.9229E Phu Ly";

	private EvidenceSamples() {
	}

	public static byte[] aScreenshotPng(int width, int height) {
		return encode(picture(width, height), "png");
	}

	/** A PNG with a text chunk that names the phone that made it. */
	public static byte[] aPngWithTextChunk() {
		byte[] png = aScreenshotPng(40, 30);
		byte[] text = chunk("tEXt", ("Software\0Nokia 8.3 " + GPS_TRACE).getBytes(StandardCharsets.ISO_8859_1));
		// right after the 33-byte signature + IHDR
		return concat(slice(png, 0, 33), text, slice(png, 33, png.length));
	}

	/** A phone photo: a JPEG with an EXIF segment holding a GPS position. */
	public static byte[] aPhotoWithGpsExif() {
		byte[] jpeg = encode(picture(64, 48), "jpg");
		byte[] exif = gpsExif();
		ByteBuffer app1 = ByteBuffer.allocate(4 + exif.length);
		app1.put((byte) 0xFF).put((byte) 0xE1).putShort((short) (exif.length + 2)).put(exif);
		return concat(slice(jpeg, 0, 2), app1.array(), slice(jpeg, 2, jpeg.length));
	}

	/** A WebP container with an image chunk and an EXIF chunk, flagged as such in its VP8X header. */
	public static byte[] aWebpWithExif() {
		byte[] vp8x = new byte[10];
		vp8x[0] = 0x08;
		writeU24(vp8x, 4, 99);
		writeU24(vp8x, 7, 49);
		byte[] vp8l = { 0x2F, 0x63, 0x40, 0x0C, 0x00, 0x07, 0x10, 0x11 };
		byte[] exif = ("Exif\0\0" + GPS_TRACE).getBytes(StandardCharsets.ISO_8859_1);
		byte[] chunks = concat(riffChunk("VP8X", vp8x), riffChunk("VP8L", vp8l), riffChunk("EXIF", exif));
		ByteBuffer header = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
		header.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(4 + chunks.length)
			.put("WEBP".getBytes(StandardCharsets.US_ASCII));
		return concat(header.array(), chunks);
	}

	public static byte[] aPdf() {
		return ("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
				+ "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
			.getBytes(StandardCharsets.US_ASCII);
	}

	/** The start of a Windows program. */
	public static byte[] anExecutable() {
		byte[] exe = new byte[512];
		exe[0] = 'M';
		exe[1] = 'Z';
		System.arraycopy("This program cannot be run in DOS mode.".getBytes(StandardCharsets.US_ASCII), 0, exe, 78, 39);
		return exe;
	}

	/** A few hundred bytes that declare an image of 100,000 by 100,000 pixels. */
	public static byte[] aDecompressionBomb() {
		ByteBuffer ihdr = ByteBuffer.allocate(13);
		ihdr.putInt(100_000).putInt(100_000).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
		return concat(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' }, chunk("IHDR", ihdr.array()),
				chunk("IDAT", new byte[] { 0x78, (byte) 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01 }),
				chunk("IEND", new byte[0]));
	}

	public static byte[] ofSize(byte[] start, int size) {
		byte[] out = new byte[size];
		System.arraycopy(start, 0, out, 0, Math.min(start.length, size));
		return out;
	}

	/** A TIFF structure as cameras write it: IFD0 points at a GPS IFD with latitude ref, and an ASCII area note. */
	private static byte[] gpsExif() {
		byte[] area = (GPS_TRACE + "\0").getBytes(StandardCharsets.US_ASCII);
		ByteBuffer tiff = ByteBuffer.allocate(6 + 8 + 18 + 30 + area.length).order(ByteOrder.BIG_ENDIAN);
		tiff.put("Exif\0\0".getBytes(StandardCharsets.US_ASCII));
		tiff.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
		// IFD0: one entry, GPSInfo (0x8825) -> offset 26
		tiff.putShort((short) 1).putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(26).putInt(0);
		// GPS IFD: GPSLatitudeRef "N", GPSAreaInformation (ASCII) -> offset 56
		tiff.putShort((short) 2);
		tiff.putShort((short) 1).putShort((short) 2).putInt(2).put((byte) 'N').put((byte) 0).putShort((short) 0);
		tiff.putShort((short) 0x1C).putShort((short) 2).putInt(area.length).putInt(56);
		tiff.putInt(0);
		tiff.put(area);
		return tiff.array();
	}

	private static BufferedImage picture(int width, int height) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(new Color(0x1D, 0x70, 0xB8));
		g.fillRect(0, 0, width, height);
		g.setColor(Color.WHITE);
		g.fillRect(width / 4, height / 4, width / 2, height / 2);
		g.dispose();
		return image;
	}

	private static byte[] encode(BufferedImage image, String format) {
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			ImageIO.write(image, format, out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static byte[] chunk(String type, byte[] data) {
		ByteBuffer chunk = ByteBuffer.allocate(12 + data.length);
		byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
		CRC32 crc = new CRC32();
		crc.update(typeBytes);
		crc.update(data);
		chunk.putInt(data.length).put(typeBytes).put(data).putInt((int) crc.getValue());
		return chunk.array();
	}

	private static byte[] riffChunk(String fourcc, byte[] data) {
		ByteBuffer chunk = ByteBuffer.allocate(8 + data.length + (data.length & 1)).order(ByteOrder.LITTLE_ENDIAN);
		chunk.put(fourcc.getBytes(StandardCharsets.US_ASCII)).putInt(data.length).put(data);
		return chunk.array();
	}

	private static void writeU24(byte[] out, int at, int value) {
		out[at] = (byte) value;
		out[at + 1] = (byte) (value >> 8);
		out[at + 2] = (byte) (value >> 16);
	}

	private static byte[] slice(byte[] bytes, int from, int to) {
		byte[] out = new byte[to - from];
		System.arraycopy(bytes, from, out, 0, out.length);
		return out;
	}

	static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			out.write(part, 0, part.length);
		}
		return out.toByteArray();
	}

}
