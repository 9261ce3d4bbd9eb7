/** Open-loop load at a constant rate, with latencies measured from each request's intended send time. */
package org.misinfodesk.bench.load;
