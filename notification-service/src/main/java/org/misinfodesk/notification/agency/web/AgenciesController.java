package org.misinfodesk.notification.agency.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.misinfodesk.notification.agency.Agencies;
import org.misinfodesk.notification.agency.Agency;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Agencies")
class AgenciesController {

	private final Agencies agencies;

	AgenciesController(Agencies agencies) {
		this.agencies = agencies;
	}

	@GetMapping("/api/v1/agencies")
	@Operation(summary = "The agencies alerts go to, with their email contact points (ADMIN, SUPERVISOR)")
	List<Agency> list() {
		return this.agencies.all();
	}

}
