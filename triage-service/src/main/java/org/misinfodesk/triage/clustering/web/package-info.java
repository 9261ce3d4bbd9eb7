/** The HTTP API for merging and splitting cases and for finding similar ones. */
package org.misinfodesk.triage.clustering.web;
