/** Deadlines: cases past their triage deadline and agencies past theirs are marked overdue and announced. */
package org.misinfodesk.triage.deadlines;
