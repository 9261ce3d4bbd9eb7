package org.misinfodesk.notification.acknowledgement;

import java.time.Instant;
import java.util.List;

/**
 * What an agency is asked to verify and resolve, as shown on its acknowledgement page.
 */
public record RoutedCase(String caseId, int routing, String verdict, String category, String severity,
		String localityCode, String summary, int reportCount, List<String> sourceUrls, Instant dueAt) {

	public RoutedCase {
		sourceUrls = sourceUrls == null ? List.of() : List.copyOf(sourceUrls);
	}

}
