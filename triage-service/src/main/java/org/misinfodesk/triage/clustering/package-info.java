/** Recognising reports about the same information: normalised source addresses and near-duplicate texts. */
package org.misinfodesk.triage.clustering;
