package org.misinfodesk.triage.cases;

/** How much harm the information can do, which sets priorities and deadlines. */
public enum Severity {

	LOW, MEDIUM, HIGH, CRITICAL

}
