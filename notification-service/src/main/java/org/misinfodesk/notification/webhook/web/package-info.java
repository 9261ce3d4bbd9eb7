/** HTTP API where administrators register and list agencies' webhook endpoints. */
package org.misinfodesk.notification.webhook.web;
