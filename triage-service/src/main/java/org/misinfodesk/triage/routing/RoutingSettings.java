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
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The agencies cases can be routed to, which of them each category goes to when the analyst names
 * none, and how long agencies have to acknowledge. Checked at startup: a rule naming an unknown
 * agency stops the service rather than misrouting cases.
 *
 * @param agencies the agencies, in the order analysts see them
 * @param rules category to the ids of the agencies that handle it by default
 * @param localRules rules for one locality (and optionally one category), more specific than
 * {@code rules}: category and locality first, then category alone, then locality alone
 * @param acknowledgeWithin how long an agency has to acknowledge a case of each severity
 * @param resolveWithin how long an agency has to report the outcome of a case of each severity
 */
@ConfigurationProperties("misinfodesk.routing")
public record RoutingSettings(@DefaultValue List<Agency> agencies, Map<Category, List<String>> rules,
		List<LocalRule> localRules, Map<Severity, Duration> acknowledgeWithin,
		Map<Severity, Duration> resolveWithin) {

	private static final Map<Severity, Duration> DEFAULT_RESOLVE_WITHIN = Map.of(Severity.CRITICAL,
			Duration.ofDays(2), Severity.HIGH, Duration.ofDays(7), Severity.MEDIUM, Duration.ofDays(14),
			Severity.LOW, Duration.ofDays(30));

	/** Category-only settings, as before local rules and resolution deadlines existed. */
	public RoutingSettings(List<Agency> agencies, Map<Category, List<String>> rules,
			Map<Severity, Duration> acknowledgeWithin) {
		this(agencies, rules, List.of(), acknowledgeWithin, null);
	}

	private static final Map<Severity, Duration> DEFAULT_ACKNOWLEDGE_WITHIN = Map.of(Severity.CRITICAL,
			Duration.ofHours(4), Severity.HIGH, Duration.ofHours(24), Severity.MEDIUM, Duration.ofHours(72),
			Severity.LOW, Duration.ofDays(7));

	@ConstructorBinding
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
		localRules = (localRules != null) ? List.copyOf(localRules) : List.of();
		for (LocalRule rule : localRules) {
			if (rule.locality() == null || rule.locality().isBlank() || rule.agencies() == null
					|| rule.agencies().isEmpty()) {
				throw new IllegalArgumentException("Every misinfodesk.routing.local-rules entry needs a locality "
						+ "and at least one agency");
			}
			for (String id : rule.agencies()) {
				if (!ids.contains(id)) {
					throw new IllegalArgumentException(
							"misinfodesk.routing.local-rules for " + rule.locality() + " names unknown agency " + id);
				}
			}
		}
		acknowledgeWithin = durations("acknowledge-within", DEFAULT_ACKNOWLEDGE_WITHIN, acknowledgeWithin);
		resolveWithin = durations("resolve-within", DEFAULT_RESOLVE_WITHIN, resolveWithin);
	}

	private static Map<Severity, Duration> durations(String name, Map<Severity, Duration> defaults,
			Map<Severity, Duration> configured) {
		Map<Severity, Duration> within = new EnumMap<>(defaults);
		if (configured != null) {
			within.putAll(configured);
		}
		within.forEach((severity, duration) -> {
			if (duration.isNegative() || duration.isZero()) {
				throw new IllegalArgumentException("misinfodesk.routing." + name + "." + severity + " must be positive");
			}
		});
		return Map.copyOf(within);
	}

	public Optional<Agency> agency(String id) {
		return this.agencies.stream().filter((agency) -> agency.id().equals(id)).findFirst();
	}

	/** The agencies the rules send {@code category} to. */
	public List<Agency> ruledFor(Category category) {
		return ruledFor(category, null);
	}

	/**
	 * The agencies the most specific rule sends {@code category} in {@code locality} to: a local rule
	 * for both, else the category's rule, else a local rule for the locality alone.
	 */
	public List<Agency> ruledFor(Category category, String locality) {
		List<String> ids = localRule(category, locality).or(() -> Optional.ofNullable(this.rules.get(category)))
			.or(() -> localRule(null, locality))
			.orElse(List.of());
		return ids.stream().map((id) -> agency(id).orElseThrow()).toList();
	}

	private Optional<List<String>> localRule(Category category, String locality) {
		if (locality == null) {
			return Optional.empty();
		}
		return this.localRules.stream()
			.filter((rule) -> rule.locality().equalsIgnoreCase(locality) && rule.category() == category)
			.map(LocalRule::agencies)
			.findFirst();
	}

	public Duration resolveWithin(Severity severity) {
		return this.resolveWithin.get(severity);
	}

	/**
	 * Where cases of one locality go.
	 *
	 * @param category the category it is limited to, or {@code null} for every category without a
	 * rule of its own
	 */
	public record LocalRule(Category category, String locality, List<String> agencies) {
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
