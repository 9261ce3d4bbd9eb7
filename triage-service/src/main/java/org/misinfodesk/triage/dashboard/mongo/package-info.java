/** The dashboard's counters, response times and overdue list in MongoDB, all keyed by unique ids. */
package org.misinfodesk.triage.dashboard.mongo;
