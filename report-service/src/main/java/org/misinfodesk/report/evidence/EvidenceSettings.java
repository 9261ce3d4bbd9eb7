package org.misinfodesk.report.evidence;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on the files attached to one report.
 *
 * @param maxPixels the most pixels an image may declare; a larger one is refused before it is
 * decoded (a few kilobytes of PNG can declare gigapixels)
 * @param thumbnailSize the longest side of a thumbnail, in pixels
 */
@ConfigurationProperties("misinfodesk.evidence")
public record EvidenceSettings(@DefaultValue("5") int maxFiles, @DefaultValue("10MB") DataSize maxFileSize,
		@DefaultValue("50000000") long maxPixels, @DefaultValue("320") int thumbnailSize) {

	public static EvidenceSettings defaults() {
		return new EvidenceSettings(5, DataSize.ofMegabytes(10), 50_000_000L, 320);
	}

	/** The limit as citizens read it: in MiB when it is a whole number of them. */
	public String maxFileSizeShown() {
		long bytes = this.maxFileSize.toBytes();
		return (bytes % (1024 * 1024) == 0) ? (bytes / (1024 * 1024)) + " MB" : bytes + " bytes";
	}

}
