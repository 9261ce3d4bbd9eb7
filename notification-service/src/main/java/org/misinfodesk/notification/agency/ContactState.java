package org.misinfodesk.notification.agency;

/**
 * Whether an email contact point receives an agency's alerts and reminders.
 */
public enum ContactState {

	ENABLED,

	DISABLED

}
