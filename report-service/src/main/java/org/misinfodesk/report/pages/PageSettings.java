package org.misinfodesk.report.pages;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How citizen pages show and read times.
 *
 * @param timeZone the zone of the times citizens type and read (a {@code datetime-local} field has
 * none of its own)
 */
@ConfigurationProperties("misinfodesk.pages")
public record PageSettings(@DefaultValue("Asia/Ho_Chi_Minh") ZoneId timeZone) {
}
