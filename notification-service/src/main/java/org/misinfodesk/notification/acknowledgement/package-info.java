/** Agencies acknowledging the cases routed to them, and reporting their outcome, through the unguessable expiring link in each alert. */
package org.misinfodesk.notification.acknowledgement;
