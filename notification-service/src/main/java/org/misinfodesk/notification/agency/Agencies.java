package org.misinfodesk.notification.agency;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * The configured agencies, in configuration order.
 */
@Component
public class Agencies {

	private final List<Agency> all;

	Agencies(AgencySettings settings) {
		this.all = settings.agencies();
	}

	public List<Agency> all() {
		return this.all;
	}

	public Optional<Agency> find(String id) {
		return this.all.stream().filter((agency) -> agency.id().equals(id)).findFirst();
	}

}
