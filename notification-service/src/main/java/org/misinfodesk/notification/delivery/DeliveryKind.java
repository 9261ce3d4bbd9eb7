package org.misinfodesk.notification.delivery;

/**
 * What a delivery carries: the alert of a routed case, the reminder of an overdue one, or a notice
 * to people about the system.
 */
public enum DeliveryKind {

	ALERT, REMINDER, NOTICE

}
