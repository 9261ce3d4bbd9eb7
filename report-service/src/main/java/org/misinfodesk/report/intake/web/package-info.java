/** The ways a report comes in over HTTP: the JSON API and the server-rendered citizen form. */
package org.misinfodesk.report.intake.web;
