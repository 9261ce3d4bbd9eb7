package org.misinfodesk.report.intake;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits on what a report may contain. Lengths count characters (Unicode code points), as the
 * event schema does.
 *
 * @param maxContentLength at most {@value #CONTRACT_MAX_CONTENT_LENGTH}, the limit of the submitted event
 * @param clockSkew how far in the future a "seen at" time may lie before it is refused, for clocks
 * that run fast
 */
@ConfigurationProperties("misinfodesk.intake")
public record IntakeSettings(@DefaultValue("10000") int maxContentLength, @DefaultValue("2048") int maxUrlLength,
		@DefaultValue("64") int maxLocalityLength, @DefaultValue("200") int maxNameLength,
		@DefaultValue("254") int maxEmailLength, @DefaultValue("32") int maxPhoneLength,
		@DefaultValue("255") int maxIdempotencyKeyLength, @DefaultValue("5m") Duration clockSkew) {

	static final int CONTRACT_MAX_CONTENT_LENGTH = 10000;

	public IntakeSettings {
		if (maxContentLength < 1 || maxContentLength > CONTRACT_MAX_CONTENT_LENGTH) {
			throw new IllegalArgumentException("misinfodesk.intake.max-content-length must be between 1 and "
					+ CONTRACT_MAX_CONTENT_LENGTH + " (the submitted event's limit), not " + maxContentLength);
		}
	}

	/** The defaults, for tests and tools that run without Spring. */
	public static IntakeSettings defaults() {
		return new IntakeSettings(CONTRACT_MAX_CONTENT_LENGTH, 2048, 64, 200, 254, 32, 255, Duration.ofMinutes(5));
	}

}
