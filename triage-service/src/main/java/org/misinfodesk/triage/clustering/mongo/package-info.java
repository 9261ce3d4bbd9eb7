/** The cluster keys (signature bands and source addresses) stored in MongoDB under unique ids. */
package org.misinfodesk.triage.clustering.mongo;
