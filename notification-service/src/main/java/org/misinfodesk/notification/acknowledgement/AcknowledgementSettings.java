package org.misinfodesk.notification.acknowledgement;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where agencies reach this service from outside.
 *
 * @param publicBaseUrl the service's address as agencies see it; acknowledgement links start with it
 * @param acknowledgements how long a link stays valid
 */
@ConfigurationProperties("misinfodesk")
record AcknowledgementSettings(@DefaultValue("http://127.0.0.1:8083") URI publicBaseUrl,
		@DefaultValue Links acknowledgements) {

	/** @param linkValidity how long after the routing an acknowledgement link works */
	record Links(@DefaultValue("120d") Duration linkValidity) {
	}

}
