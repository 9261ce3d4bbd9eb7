/** Evidence files of reports, fetched from report-service with the service's own credentials. */
package org.misinfodesk.triage.evidence;
