/** The acknowledgement page behind each alert's link, the same action as JSON for agencies' systems by the link's token, and the agency API that names the case and takes an API key instead. */
package org.misinfodesk.notification.acknowledgement.web;
