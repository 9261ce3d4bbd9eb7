/** HTTP API where administrators register, list, disable, enable, delete agencies' webhook endpoints and rotate their secrets. */
package org.misinfodesk.notification.webhook.web;
