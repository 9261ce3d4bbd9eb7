/** Reads {@code org.misinfodesk.agency.responded.v1} off {@code agency.responses}. */
package org.misinfodesk.triage.responses.kafka;
