/** The triage queue: open cases most urgent first, and analysts' claims on them. */
package org.misinfodesk.triage.queue;
