/** The administrative units a report may concern (provinces and their communes and wards), read from data, not code. */
package org.misinfodesk.report.locality;
