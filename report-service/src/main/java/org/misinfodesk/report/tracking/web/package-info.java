/** The status of a report by tracking code, as JSON and as a page. */
package org.misinfodesk.report.tracking.web;
