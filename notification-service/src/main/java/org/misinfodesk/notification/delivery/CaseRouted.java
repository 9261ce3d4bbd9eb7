package org.misinfodesk.notification.delivery;

import java.time.Instant;
import java.util.List;

import org.misinfodesk.notification.acknowledgement.RoutedCase;
import org.misinfodesk.platform.events.MalformedEventException;

/**
 * {@code org.misinfodesk.case.routed.v1}, trimmed to what the alerts use.
 *
 * @param routing 1 for the first routing of a case, higher for each re-routing
 */
public record CaseRouted(String caseId, Integer routing, String verdict, String category, String severity,
		String localityCode, String summary, Integer reportCount, List<String> sourceUrls, List<AgencyRef> agencies,
		Instant dueAt, Instant routedAt) {

	public static final String TYPE = "org.misinfodesk.case.routed.v1";

	public CaseRouted {
		sourceUrls = sourceUrls == null ? List.of() : List.copyOf(sourceUrls);
		agencies = agencies == null ? List.of() : List.copyOf(agencies);
	}

	/**
	 * @throws MalformedEventException when a field every alert needs is missing, which no retry fixes
	 */
	public CaseRouted validated() {
		if (this.caseId == null || this.caseId.isBlank() || this.routing == null || this.routing < 1
				|| this.agencies.isEmpty() || this.routedAt == null
				|| this.agencies.stream().anyMatch((agency) -> agency.id() == null || agency.id().isBlank())) {
			throw new MalformedEventException("Routed case without caseId, routing, agencies or routedAt: " + this);
		}
		return this;
	}

	RoutedCase routedCase() {
		return new RoutedCase(this.caseId, this.routing, this.verdict, this.category, this.severity,
				this.localityCode, this.summary, this.reportCount == null ? 0 : this.reportCount, this.sourceUrls,
				this.dueAt);
	}

	public record AgencyRef(String id, String name) {
	}

}
