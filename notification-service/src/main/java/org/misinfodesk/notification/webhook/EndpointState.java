package org.misinfodesk.notification.webhook;

/**
 * Whether an endpoint receives new alerts.
 */
public enum EndpointState {

	ENABLED, DISABLED

}
