/**
 * Decisions on cases and where they go: the agencies, the routing rules, and the events that tell
 * agencies and reporters.
 */
package org.misinfodesk.triage.routing;
