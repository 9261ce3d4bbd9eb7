/** The embedded default's own parts: a MongoDB-wire store that is durable before it acknowledges. */
package org.misinfodesk.local;
