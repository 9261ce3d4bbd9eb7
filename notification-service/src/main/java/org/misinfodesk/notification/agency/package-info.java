/** The agencies cases are routed to and their email contact points, from configuration. */
package org.misinfodesk.notification.agency;
