/** What every citizen page shares: its language, the switch to the other language, and how times are shown. */
package org.misinfodesk.report.pages;
