package org.misinfodesk.triage.evidence;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where report-service serves evidence, and the staff credentials triage uses there.
 *
 * @param baseUrl report-service's address
 * @param username an ANALYST or SUPERVISOR account of report-service; empty: evidence is unavailable
 * @param connectTimeout how long to wait for a connection
 * @param responseTimeout how long to wait for the response to start, and between two parts of it
 */
@ConfigurationProperties("misinfodesk.evidence")
public record EvidenceSettings(@DefaultValue("http://127.0.0.1:8081") URI baseUrl, String username, String password,
		@DefaultValue("2s") Duration connectTimeout, @DefaultValue("10s") Duration responseTimeout) {

	public boolean configured() {
		return this.username != null && !this.username.isBlank() && this.password != null;
	}

}
