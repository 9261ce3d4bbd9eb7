package org.misinfodesk.report.evidence;

/**
 * The size of an image in pixels as its header declares it, read before anything is decoded.
 */
record Dimensions(long width, long height) {

	long pixels() {
		return this.width * this.height;
	}

}
