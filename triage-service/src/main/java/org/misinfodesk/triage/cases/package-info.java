/**
 * The case aggregate (reports grouped for one decision), its claim and audit rules, and the
 * repository that stores it.
 */
package org.misinfodesk.triage.cases;
