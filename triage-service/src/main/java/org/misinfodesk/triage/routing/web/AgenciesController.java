package org.misinfodesk.triage.routing.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.misinfodesk.triage.cases.Category;
import org.misinfodesk.triage.routing.RoutingSettings;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Agencies", description = "Where cases are routed")
class AgenciesController {

	private final List<AgencyView> agencies;

	AgenciesController(RoutingSettings routing) {
		this.agencies = routing.categoriesByAgency()
			.entrySet()
			.stream()
			.map((entry) -> new AgencyView(entry.getKey().id(), entry.getKey().name(), entry.getValue()))
			.toList();
	}

	@GetMapping(path = "/api/v1/agencies", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "The agencies cases can be routed to",
			description = "With the categories that the routing rules send to each by default. Any staff role.")
	List<AgencyView> agencies() {
		return this.agencies;
	}

	/**
	 * An agency as the API shows it.
	 *
	 * @param categories the categories routed to it when the analyst names no agency
	 */
	record AgencyView(String id, String name, List<Category> categories) {
	}

}
