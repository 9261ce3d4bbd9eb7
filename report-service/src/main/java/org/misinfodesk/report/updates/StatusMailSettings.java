package org.misinfodesk.report.updates;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param publicBaseUrl where citizens reach the status pages, for the link in the email
 * @param firstRetry the wait after the first failure; it doubles with each further one
 * @param lease how long a claimed mail is left to its sender before another may take it
 */
@ConfigurationProperties("misinfodesk.status-mail")
public record StatusMailSettings(@DefaultValue("Misinfo Desk <no-reply@misinfodesk.local>") String from,
		@DefaultValue("http://127.0.0.1:8081") String publicBaseUrl, @DefaultValue("8") int maxAttempts,
		@DefaultValue("30s") Duration firstRetry, @DefaultValue("2s") Duration pollInterval,
		@DefaultValue("2m") Duration lease) {
}
