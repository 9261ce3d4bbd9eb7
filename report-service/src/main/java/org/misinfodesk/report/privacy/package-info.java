/** Reporters' contact details: kept only with consent, and then only encrypted. */
package org.misinfodesk.report.privacy;
