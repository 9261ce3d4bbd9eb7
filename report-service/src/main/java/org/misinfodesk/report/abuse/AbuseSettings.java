package org.misinfodesk.report.abuse;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param submissionsPerClient how many reports one client address may send per {@code period}
 * @param trustedProxies addresses of reverse proxies whose {@code X-Forwarded-For} names the real
 * client; requests from anywhere else are counted by their own address
 * @param bannedContacts emails and phone numbers that may not be given as a reporter's contact
 * (known abusers); compared case-insensitively, phones by their digits in national form
 */
@ConfigurationProperties("misinfodesk.abuse")
public record AbuseSettings(@DefaultValue("10") int submissionsPerClient, @DefaultValue("10m") Duration period,
		@DefaultValue List<String> trustedProxies, @DefaultValue List<String> bannedContacts) {

	public AbuseSettings {
		if (submissionsPerClient < 1 || period.isNegative() || period.isZero()) {
			throw new IllegalArgumentException("misinfodesk.abuse: allow at least one submission per positive period");
		}
		trustedProxies = List.copyOf(trustedProxies);
		bannedContacts = List.copyOf(bannedContacts);
	}

}
