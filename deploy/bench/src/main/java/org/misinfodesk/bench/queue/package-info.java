/** The queue at scale: a million cases of history written straight into triage's store, and the hot reads timed. */
package org.misinfodesk.bench.queue;
