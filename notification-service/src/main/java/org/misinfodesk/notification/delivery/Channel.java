package org.misinfodesk.notification.delivery;

/**
 * How an alert reaches an agency.
 */
public enum Channel {

	EMAIL, WEBHOOK

}
