package org.misinfodesk.report.intake;

/**
 * Where the reported information was published.
 */
public enum Platform {

	FACEBOOK, YOUTUBE, TIKTOK, ZALO, WEBSITE, PRESS, OTHER

}
