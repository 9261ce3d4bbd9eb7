package org.misinfodesk.report.evidence;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.springframework.stereotype.Component;

/**
 * Small previews of evidence for the analysts' case view: PNG, at most
 * {@link EvidenceSettings#thumbnailSize()} pixels on the longest side. Large images are read
 * subsampled, so a preview never decodes the full image into memory. Files the JDK cannot decode
 * (PDF, WebP) get a generic document picture of the same size.
 */
@Component
public class Thumbnails {

	private final int size;

	Thumbnails(EvidenceSettings settings) {
		this.size = settings.thumbnailSize();
	}

	public Thumbnail of(EvidenceContent content) {
		if (content.kind() == FileKind.PNG || content.kind() == FileKind.JPEG) {
			try {
				BufferedImage image = decodeNear(content.bytes());
				if (image != null) {
					return new Thumbnail(png(scaled(image)), false);
				}
			}
			catch (IOException | RuntimeException ex) {
				// an image the JDK cannot decode still gets a picture
			}
		}
		return new Thumbnail(png(placeholder()), true);
	}

	/**
	 * @param placeholder whether this is the generic picture rather than a preview of the file
	 */
	public record Thumbnail(byte[] png, boolean placeholder) {
	}

	private BufferedImage decodeNear(byte[] bytes) throws IOException {
		try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
			Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
			if (!readers.hasNext()) {
				return null;
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(input, true, true);
				int longest = Math.max(reader.getWidth(0), reader.getHeight(0));
				ImageReadParam param = reader.getDefaultReadParam();
				int step = Math.max(1, longest / (2 * this.size));
				param.setSourceSubsampling(step, step, 0, 0);
				return reader.read(0, param);
			}
			finally {
				reader.dispose();
			}
		}
	}

	private BufferedImage scaled(BufferedImage image) {
		double factor = Math.min(1.0, (double) this.size / Math.max(image.getWidth(), image.getHeight()));
		int width = Math.max(1, (int) Math.round(image.getWidth() * factor));
		int height = Math.max(1, (int) Math.round(image.getHeight() * factor));
		BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
		Graphics2D g = out.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
		g.drawImage(image, 0, 0, width, height, null);
		g.dispose();
		return out;
	}

	/** A sheet of paper with lines of text, drawn without fonts so that it works on a bare server. */
	private BufferedImage placeholder() {
		int height = this.size;
		int width = this.size * 3 / 4;
		BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = out.createGraphics();
		g.setColor(new Color(0xF3, 0xF2, 0xF1));
		g.fillRect(0, 0, width, height);
		g.setColor(new Color(0x50, 0x5A, 0x5F));
		g.setStroke(new BasicStroke(Math.max(2, this.size / 80f)));
		int margin = width / 6;
		g.drawRect(margin, margin, width - 2 * margin, height - 2 * margin);
		for (int y = margin * 2; y < height - margin * 2; y += Math.max(6, height / 16)) {
			g.drawLine(margin * 3 / 2, y, width - margin * 3 / 2, y);
		}
		g.dispose();
		return out;
	}

	private static byte[] png(BufferedImage image) {
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			ImageIO.write(image, "png", out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot write a PNG in memory", ex);
		}
	}

}
