package org.misinfodesk.triage.ui;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the analysts' pages show things.
 *
 * @param timeZone the zone times are shown in
 */
@ConfigurationProperties("misinfodesk.ui")
record UiSettings(@DefaultValue("Asia/Ho_Chi_Minh") ZoneId timeZone) {
}
