package org.misinfodesk.notification.acknowledgement;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where agencies reach this service from outside.
 *
 * @param publicBaseUrl the service's address as agencies see it; acknowledgement links start with it
 */
@ConfigurationProperties("misinfodesk")
record AcknowledgementSettings(@DefaultValue("http://127.0.0.1:8083") URI publicBaseUrl) {
}
