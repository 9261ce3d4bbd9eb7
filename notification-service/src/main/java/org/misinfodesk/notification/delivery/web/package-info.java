/** HTTP API showing staff the deliveries of a case and their attempts. */
package org.misinfodesk.notification.delivery.web;
