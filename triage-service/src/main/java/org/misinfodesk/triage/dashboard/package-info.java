/** The supervisors' dashboard: per-day counters kept as cases change, agency response times and the overdue list. */
package org.misinfodesk.triage.dashboard;
