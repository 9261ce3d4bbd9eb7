package org.misinfodesk.notification.delivery;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The supervisors' digest of overdue cases.
 *
 * @param interval the length of one digest period; periods start at multiples of it since the epoch
 * (on the hour, for the default hour), and each period's overdue cases go out in one email once it ends
 * @param checkEvery how often an instance looks for a period that ended without its digest
 * @param lease how long an instance that claimed a period may take to send its digest before another
 * instance may take over
 */
@ConfigurationProperties("misinfodesk.digest")
record DigestSettings(@DefaultValue("1h") Duration interval, @DefaultValue("1m") Duration checkEvery,
		@DefaultValue("5m") Duration lease) {

	DigestSettings {
		if (interval.isNegative() || interval.isZero() || checkEvery.isNegative() || checkEvery.isZero()) {
			throw new IllegalArgumentException("misinfodesk.digest.interval and check-every must be positive");
		}
	}

}
