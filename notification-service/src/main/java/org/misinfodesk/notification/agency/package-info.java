/** The agencies cases are routed to and their email contact points: configured ones, and ones administrators add, disable, enable and delete. */
package org.misinfodesk.notification.agency;
