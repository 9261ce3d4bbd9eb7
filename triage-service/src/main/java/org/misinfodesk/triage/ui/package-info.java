/** The analysts' pages: login, the live queue and the case page with its claim and decision forms. */
package org.misinfodesk.triage.ui;
