/** Agencies acknowledging the cases routed to them through the unguessable link in each alert. */
package org.misinfodesk.notification.acknowledgement;
