/** The acknowledgement page behind each alert's link, and the same action as JSON for agencies' systems. */
package org.misinfodesk.notification.acknowledgement.web;
