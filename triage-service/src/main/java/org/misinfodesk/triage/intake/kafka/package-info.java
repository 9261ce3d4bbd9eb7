/** Reads {@code org.misinfodesk.report.submitted.v1} off {@code reports.submitted}. */
package org.misinfodesk.triage.intake.kafka;
