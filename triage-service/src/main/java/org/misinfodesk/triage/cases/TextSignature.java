package org.misinfodesk.triage.cases;

import java.util.List;

/**
 * The MinHash signature of one report's folded text: the share of equal positions in two
 * signatures estimates how many word shingles the two texts share (their Jaccard similarity).
 */
public record TextSignature(List<Integer> minHashes) {

	public TextSignature {
		minHashes = List.copyOf(minHashes);
	}

	public double similarity(TextSignature other) {
		int n = Math.min(this.minHashes.size(), other.minHashes.size());
		if (n == 0) {
			return 0;
		}
		int equal = 0;
		for (int i = 0; i < n; i++) {
			if (this.minHashes.get(i).equals(other.minHashes.get(i))) {
				equal++;
			}
		}
		return (double) equal / n;
	}

}
