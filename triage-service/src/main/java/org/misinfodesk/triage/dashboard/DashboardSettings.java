package org.misinfodesk.triage.dashboard;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the dashboard counts and shows.
 *
 * @param timeZone the zone whose calendar days the counters are kept by
 * @param defaultDays the period shown when none is asked for, ending today
 * @param maxDays the longest period one request may ask for
 * @param overdueListed at most this many overdue cases are listed, most urgent first
 */
@ConfigurationProperties("misinfodesk.dashboard")
public record DashboardSettings(@DefaultValue("Asia/Ho_Chi_Minh") ZoneId timeZone, @DefaultValue("30") int defaultDays,
		@DefaultValue("366") int maxDays, @DefaultValue("100") int overdueListed) {
}
