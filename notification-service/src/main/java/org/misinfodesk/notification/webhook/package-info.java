/** Agencies' webhook endpoints: registration and management with one-time secrets and rotation, the SSRF target policy, and Standard Webhooks signing. */
package org.misinfodesk.notification.webhook;
