package org.misinfodesk.triage.routing;

import java.time.Duration;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.misinfodesk.triage.cases.Category;
import org.misinfodesk.triage.cases.Severity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The agencies cases can be routed to, which of them each category goes to when the analyst names
 * none, and how long agencies have to acknowledge. Checked at startup: a rule naming an unknown
 * agency stops the service rather than misrouting cases.
 *
 * @param agencies the agencies, in the order analysts see them
 * @param rules category to the ids of the agencies that handle it by default
 * @param acknowledgeWithin how long an agency has to acknowledge a case of each severity
 */
@ConfigurationProperties("misinfodesk.routing")
public record RoutingSettings(@DefaultValue List<Agency> agencies, Map<Category, List<String>> rules,
		Map<Severity, Duration> acknowledgeWithin) {

	private static final Map<Severity, Duration> DEFAULT_ACKNOWLEDGE_WITHIN = Map.of(Severity.CRITICAL,
			Duration.ofHours(4), Severity.HIGH, Duration.ofHours(24), Severity.MEDIUM, Duration.ofHours(72),
			Severity.LOW, Duration.ofDays(7));

	public RoutingSettings {
		agencies = List.copyOf(agencies);
		Set<String> ids = new HashSet<>();
		for (Agency agency : agencies) {
			if (agency.id() == null || agency.id().isBlank() || agency.name() == null || agency.name().isBlank()) {
				throw new IllegalArgumentException("Every misinfodesk.routing.agencies entry needs an id and a name");
			}
			if (!ids.add(agency.id())) {
				throw new IllegalArgumentException("Agency id " + agency.id() + " is configured twice");
			}
		}
		Map<Category, List<String>> checkedRules = new EnumMap<>(Category.class);
		if (rules != null) {
			rules.forEach((category, agencyIds) -> {
				for (String id : agencyIds) {
					if (!ids.contains(id)) {
						throw new IllegalArgumentException(
								"misinfodesk.routing.rules." + category + " names unknown agency " + id);
					}
				}
				checkedRules.put(category, List.copyOf(agencyIds));
			});
		}
		rules = Map.copyOf(checkedRules);
		Map<Severity, Duration> within = new EnumMap<>(DEFAULT_ACKNOWLEDGE_WITHIN);
		if (acknowledgeWithin != null) {
			within.putAll(acknowledgeWithin);
		}
		within.forEach((severity, duration) -> {
			if (duration.isNegative() || duration.isZero()) {
				throw new IllegalArgumentException(
						"misinfodesk.routing.acknowledge-within." + severity + " must be positive");
			}
		});
		acknowledgeWithin = Map.copyOf(within);
	}

	public Optional<Agency> agency(String id) {
		return this.agencies.stream().filter((agency) -> agency.id().equals(id)).findFirst();
	}

	/** The agencies the rules send {@code category} to. */
	public List<Agency> ruledFor(Category category) {
		return this.rules.getOrDefault(category, List.of()).stream().map((id) -> agency(id).orElseThrow()).toList();
	}

	/** For each agency, the categories that go to it by default. */
	public Map<Agency, List<Category>> categoriesByAgency() {
		Map<Agency, List<Category>> categories = new LinkedHashMap<>();
		for (Agency agency : this.agencies) {
			categories.put(agency, this.rules.entrySet()
				.stream()
				.filter((rule) -> rule.getValue().contains(agency.id()))
				.map(Map.Entry::getKey)
				.sorted()
				.toList());
		}
		return categories;
	}

	public Duration acknowledgeWithin(Severity severity) {
		return this.acknowledgeWithin.get(severity);
	}

	/** An agency or locality that cases are routed to. */
	public record Agency(String id, String name) {
	}

}
