/** Wording shared by alerts and pages: labels of verdicts, categories and severities, and times in Vietnam. */
package org.misinfodesk.notification.text;
