package org.misinfodesk.triage.clustering;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How alike two reports must be to share a case.
 *
 * @param threshold the estimated share of word shingles two texts must have in common (0 to 1]
 * @param shingleWords how many consecutive syllables make one shingle
 * @param hashes the MinHash signature length
 * @param bands how many bands the signature is cut into to find candidates (must divide hashes)
 * @param signaturesPerCase how many distinct report texts a case remembers to compare with
 * @param similarListed how many similar cases a case page shows
 */
@ConfigurationProperties("misinfodesk.clustering")
public record ClusteringSettings(@DefaultValue("0.6") double threshold, @DefaultValue("3") int shingleWords,
		@DefaultValue("128") int hashes, @DefaultValue("32") int bands, @DefaultValue("20") int signaturesPerCase,
		@DefaultValue("5") int similarListed) {

	public ClusteringSettings {
		if (!(threshold > 0 && threshold <= 1)) {
			throw new IllegalArgumentException("misinfodesk.clustering.threshold must be in (0, 1]");
		}
		if (shingleWords < 1 || hashes < 1 || bands < 1 || hashes % bands != 0) {
			throw new IllegalArgumentException(
					"misinfodesk.clustering: shingle-words and hashes must be positive, bands must divide hashes");
		}
		if (signaturesPerCase < 1 || similarListed < 0) {
			throw new IllegalArgumentException("misinfodesk.clustering.signatures-per-case must be positive");
		}
	}

}
