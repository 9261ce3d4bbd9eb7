/** The notification service: agencies' contact points, deliveries of routed cases, and agencies' acknowledgements. */
package org.misinfodesk.notification;
