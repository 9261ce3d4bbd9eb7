/** Agencies' webhook endpoints: registration with a one-time secret, the target policy, and Standard Webhooks signing. */
package org.misinfodesk.notification.webhook;
