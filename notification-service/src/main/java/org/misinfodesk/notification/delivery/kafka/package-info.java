/** Reads routed and overdue cases off Kafka and turns each into deliveries, once per event. */
package org.misinfodesk.notification.delivery.kafka;
