package org.misinfodesk.notification.delivery;

/**
 * Where a delivery stands: waiting for its next attempt, done, or given up after its last attempt.
 */
public enum DeliveryState {

	PENDING, DELIVERED, FAILED

}
