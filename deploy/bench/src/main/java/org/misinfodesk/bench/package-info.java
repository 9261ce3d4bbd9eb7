/** The benchmark run: starts the local stack and the baseline, runs every scenario and writes the table and chart. */
package org.misinfodesk.bench;
