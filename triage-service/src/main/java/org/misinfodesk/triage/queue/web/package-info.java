/** The queue's HTTP API: listing, case details, claim and release, and the live stream of changes. */
package org.misinfodesk.triage.queue.web;
