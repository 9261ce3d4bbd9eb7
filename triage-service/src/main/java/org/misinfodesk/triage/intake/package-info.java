/** Citizens' submitted reports become cases in the triage queue. */
package org.misinfodesk.triage.intake;
