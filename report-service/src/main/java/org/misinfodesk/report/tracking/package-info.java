/** What a citizen can follow about a report: its tracking code, its status history and the public note. */
package org.misinfodesk.report.tracking;
