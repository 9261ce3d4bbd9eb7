/** Deliveries of routed cases to agencies by email and signed webhook, stored durably and retried with backoff. */
package org.misinfodesk.notification.delivery;
