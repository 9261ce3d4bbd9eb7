package org.misinfodesk.report.evidence;

/**
 * A stored evidence file, as the report and the submitted event refer to it.
 *
 * @param sha256 lowercase hex of the stored (metadata-free) bytes
 */
public record Evidence(String id, String contentType, long size, String sha256) {
}
