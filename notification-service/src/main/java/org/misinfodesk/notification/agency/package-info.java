/** The agencies cases are routed to, their email contact points (configured ones, and ones administrators add, disable, enable and delete) and the API keys of their own systems. */
package org.misinfodesk.notification.agency;
