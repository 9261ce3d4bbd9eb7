package org.misinfodesk.triage.routing;

import java.util.List;

import org.misinfodesk.triage.routing.RoutingSettings.Agency;

/**
 * Which agencies a decided case goes to: the ones the analyst chose; otherwise, if the verdict
 * leaves something for an agency to do, the ones the most specific rule for its category and
 * locality names; otherwise none, and the case is closed.
 */
final class RoutingRules {

	private final RoutingSettings routing;

	RoutingRules(RoutingSettings routing) {
		this.routing = routing;
	}

	List<Agency> agenciesFor(DecisionDraft draft) {
		return agenciesFor(draft, draft.localityCode());
	}

	/** The agencies for a decision whose locality (given or the reports') is {@code locality}. */
	List<Agency> agenciesFor(DecisionDraft draft, String locality) {
		if (!draft.agencyIds().isEmpty()) {
			return draft.agencyIds().stream().map((id) -> this.routing.agency(id).orElseThrow()).toList();
		}
		if (!draft.verdict().routedByDefault()) {
			return List.of();
		}
		return this.routing.ruledFor(draft.category(), locality);
	}

}
