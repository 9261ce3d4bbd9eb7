package org.misinfodesk.notification.delivery;

import org.misinfodesk.platform.test.Contracts;
import tools.jackson.databind.json.JsonMapper;

/**
 * Routed cases as triage-service publishes them, from the contract's example.
 */
final class RoutedCases {

	static final JsonMapper json = JsonMapper.builder().build();

	private RoutedCases() {
	}

	/** The contract's example: a health rumour routed to so-y-te, due 2026-11-28T02:10:00Z. */
	static CaseRouted aHealthRumour() {
		return json.readValue(Contracts.example(CaseRouted.TYPE), CaseRouted.class).validated();
	}

}
