/** The report-service application: citizens' reports in, tracking status out. */
package org.misinfodesk.report;
