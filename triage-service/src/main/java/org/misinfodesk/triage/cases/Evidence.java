package org.misinfodesk.triage.cases;

/**
 * A file a reporter attached, kept by report-service; triage holds only what identifies it.
 *
 * @param id report-service's evidence id
 */
public record Evidence(String id, String contentType, long size, String sha256) {

	public boolean image() {
		return this.contentType != null && this.contentType.startsWith("image/");
	}

}
