/** The bare-dependency baseline: one store insert and one broker send per request, and nothing else. */
package org.misinfodesk.bench.baseline;
