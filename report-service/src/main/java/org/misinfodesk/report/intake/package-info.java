/** Taking a citizen's report in: its rules, its tracking code, its idempotency, and the event that announces it. */
package org.misinfodesk.report.intake;
