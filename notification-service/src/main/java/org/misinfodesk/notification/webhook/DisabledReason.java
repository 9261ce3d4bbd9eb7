package org.misinfodesk.notification.webhook;

/**
 * Why an endpoint no longer receives alerts.
 */
public enum DisabledReason {

	/** An administrator disabled it. */
	BY_ADMIN,

	/** The agency's server answered {@code 410 Gone}: it asked us to stop. */
	GONE,

	/** It failed without a single success for longer than the configured period. */
	FAILING

}
