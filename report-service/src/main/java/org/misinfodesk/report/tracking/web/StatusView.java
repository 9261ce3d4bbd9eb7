package org.misinfodesk.report.tracking.web;

import java.util.List;

import org.misinfodesk.report.pages.PageTimes;
import org.misinfodesk.report.tracking.TrackedReport;

/**
 * A report's status as the status page shows it, times already in the province's zone.
 */
record StatusView(String trackingCode, String status, List<Step> history, String publicNote, boolean hasContact) {

	static StatusView of(TrackedReport report, PageTimes times) {
		return new StatusView(report.trackingCode(), report.status().name(),
				report.history()
					.stream()
					.map((entry) -> new Step(entry.status().name(), entry.at().toString(), times.show(entry.at())))
					.toList(),
				report.publicNote(), report.hasContact());
	}

	/**
	 * @param at machine-readable, for the {@code datetime} attribute
	 * @param shown as people read it
	 */
	record Step(String status, String at, String shown) {
	}

}
