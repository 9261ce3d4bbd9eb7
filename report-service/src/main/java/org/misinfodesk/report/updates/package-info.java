/** Short emails to consenting reporters when their report's status changes, kept durable until sent. */
package org.misinfodesk.report.updates;
