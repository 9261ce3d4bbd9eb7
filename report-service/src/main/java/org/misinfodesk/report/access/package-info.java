/** Who may do what over HTTP: citizens everything public without login, staff the evidence, and forms guarded against cross-site posts. */
package org.misinfodesk.report.access;
