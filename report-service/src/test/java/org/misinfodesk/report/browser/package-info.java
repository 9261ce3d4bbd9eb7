/** The citizen pages driven in headless Chromium, as a person on a phone would use them. */
package org.misinfodesk.report.browser;
