/** Consumers' memory of processed CloudEvents ids, so a redelivered event changes nothing. */
package org.misinfodesk.platform.inbox;
