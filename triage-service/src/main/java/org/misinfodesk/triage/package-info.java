/** The triage service: citizens' reports become cases that analysts claim, decide and route to agencies. */
package org.misinfodesk.triage;
