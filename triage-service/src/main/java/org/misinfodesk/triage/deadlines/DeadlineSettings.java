package org.misinfodesk.triage.deadlines;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How often deadlines are checked. The deadlines themselves live on the cases, so a restart
 * forgets nothing: the first scan after it finds whatever fell due meanwhile.
 *
 * @param scanEvery the pause between two scans (the first comes one pause after start)
 * @param batch the most cases one scan marks; the next scan takes the rest
 */
@ConfigurationProperties("misinfodesk.deadlines")
public record DeadlineSettings(@DefaultValue("1m") Duration scanEvery, @DefaultValue("200") int batch) {

	public DeadlineSettings {
		if (scanEvery.isNegative() || scanEvery.isZero()) {
			throw new IllegalArgumentException("misinfodesk.deadlines.scan-every must be positive");
		}
		if (batch < 1) {
			throw new IllegalArgumentException("misinfodesk.deadlines.batch must be at least 1");
		}
	}

}
