/** Citizens' submitted reports join the case about the same information, or open one. */
package org.misinfodesk.triage.intake;
