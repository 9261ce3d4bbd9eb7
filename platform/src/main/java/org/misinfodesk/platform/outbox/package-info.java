/** Events stored inside the aggregate's own document write, and the relay that publishes them once the broker acknowledges. */
package org.misinfodesk.platform.outbox;
