/** Status changes decided in triage, read off Kafka into the tracking status. */
package org.misinfodesk.report.tracking.kafka;
