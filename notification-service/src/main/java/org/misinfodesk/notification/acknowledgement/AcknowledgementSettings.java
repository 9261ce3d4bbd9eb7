package org.misinfodesk.notification.acknowledgement;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where agencies reach this service from outside.
 *
 * @param publicBaseUrl the service's address as agencies see it; acknowledgement links start with it
 * @param acknowledgements how long a link stays valid
 * @param supervisors whom an agency holding an expired or unknown link is asked to contact (the
 * same {@code misinfodesk.supervisors.emails} that hear of overdue cases)
 */
@ConfigurationProperties("misinfodesk")
record AcknowledgementSettings(@DefaultValue("http://127.0.0.1:8083") URI publicBaseUrl,
		@DefaultValue Links acknowledgements, @DefaultValue Supervisors supervisors) {

	/** @param linkValidity how long after the routing an acknowledgement link works */
	record Links(@DefaultValue("120d") Duration linkValidity) {
	}

	record Supervisors(@DefaultValue List<String> emails) {

		Supervisors {
			emails = emails.stream().filter((email) -> email != null && !email.isBlank()).map(String::strip).toList();
		}

	}

}
