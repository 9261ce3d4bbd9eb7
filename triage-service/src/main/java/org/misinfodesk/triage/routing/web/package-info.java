/** The HTTP API for deciding a case and for the agencies a case can be routed to. */
package org.misinfodesk.triage.routing.web;
