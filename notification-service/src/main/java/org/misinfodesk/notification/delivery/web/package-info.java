/** HTTP API showing staff the deliveries of a case or in one state, and letting administrators send them again or recover an endpoint's failed ones. */
package org.misinfodesk.notification.delivery.web;
