package org.misinfodesk.triage.cases;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a new case is rated before an analyst looks at it.
 *
 * @param defaultSeverity the severity assumed from a report's category hint
 * @param unhintedSeverity the severity assumed when a report has no (known) category hint
 * @param triageWithin how long after the first report a case of each assumed severity should be
 * decided
 */
@ConfigurationProperties("misinfodesk.cases")
public record CaseSettings(Map<Category, Severity> defaultSeverity, @DefaultValue("MEDIUM") Severity unhintedSeverity,
		Map<Severity, Duration> triageWithin) {

	private static final Duration DEFAULT_TRIAGE_WITHIN = Duration.ofHours(24);

	public CaseSettings {
		defaultSeverity = (defaultSeverity != null) ? Map.copyOf(defaultSeverity) : Map.of();
		Map<Severity, Duration> within = new EnumMap<>(Severity.class);
		for (Severity severity : Severity.values()) {
			within.put(severity, DEFAULT_TRIAGE_WITHIN);
		}
		if (triageWithin != null) {
			within.putAll(triageWithin);
		}
		within.forEach((severity, duration) -> {
			if (duration.isNegative() || duration.isZero()) {
				throw new IllegalArgumentException("misinfodesk.cases.triage-within." + severity + " must be positive");
			}
		});
		triageWithin = Map.copyOf(within);
	}

	public Severity severityOf(Category hint) {
		return (hint != null) ? this.defaultSeverity.getOrDefault(hint, this.unhintedSeverity) : this.unhintedSeverity;
	}

	public Duration triageWithin(Severity severity) {
		return this.triageWithin.get(severity);
	}

}
