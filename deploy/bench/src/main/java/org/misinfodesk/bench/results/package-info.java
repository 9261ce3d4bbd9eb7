/** The run's figures against their targets, as a printed table, a Markdown page and a chart. */
package org.misinfodesk.bench.results;
