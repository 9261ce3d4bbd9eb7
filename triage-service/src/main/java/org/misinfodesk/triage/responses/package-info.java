/** Agencies' acknowledgements and outcomes, recorded on the cases they answer. */
package org.misinfodesk.triage.responses;
