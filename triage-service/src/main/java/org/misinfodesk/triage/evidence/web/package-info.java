/** The evidence proxy: staff browsers get evidence files from triage, never from report-service directly. */
package org.misinfodesk.triage.evidence.web;
