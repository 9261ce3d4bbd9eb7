package org.misinfodesk.triage.clustering;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.misinfodesk.triage.cases.TextSignature;

import org.springframework.stereotype.Component;

/**
 * Turns reports into what clustering compares: a text signature, and the keys under which cases
 * that might match are filed (one per signature band, one per normalised source address). Two
 * texts at the threshold share at least one band key with high probability.
 */
@Component
public class Fingerprints {

	private final MinHasher hasher;

	private final ClusteringSettings settings;

	public Fingerprints(ClusteringSettings settings) {
		this.settings = settings;
		this.hasher = new MinHasher(settings.hashes(), settings.shingleWords());
	}

	public TextSignature sign(String text) {
		return this.hasher.sign(text);
	}

	/** The key of a source address, or {@code null}. */
	public String urlKey(String sourceUrl) {
		String normalised = SourceUrls.normalise(sourceUrl);
		return (normalised != null) ? "u:" + sha256(normalised) : null;
	}

	public List<String> bandKeys(TextSignature signature) {
		List<String> keys = new ArrayList<>();
		if (signature == null) {
			return keys;
		}
		int rows = signature.minHashes().size() / this.settings.bands();
		for (int band = 0; band < this.settings.bands() && (band + 1) * rows <= signature.minHashes().size(); band++) {
			long hash = band;
			for (int row = band * rows; row < (band + 1) * rows; row++) {
				hash = MinHasher.mix(hash * 31 + signature.minHashes().get(row));
			}
			keys.add("t" + band + ":" + Long.toHexString(hash));
		}
		return keys;
	}

	/** Every key a case with these signatures and source keys is filed under. */
	public List<String> keysOf(List<TextSignature> signatures, List<String> urlKeys) {
		Set<String> keys = new LinkedHashSet<>(urlKeys);
		signatures.forEach((signature) -> keys.addAll(bandKeys(signature)));
		return List.copyOf(keys);
	}

	public double threshold() {
		return this.settings.threshold();
	}

	/** The best similarity of a text to any of a case's signatures. */
	public static double bestSimilarity(TextSignature signature, List<TextSignature> signatures) {
		if (signature == null) {
			return 0;
		}
		return signatures.stream().mapToDouble(signature::similarity).max().orElse(0);
	}

	private static String sha256(String text) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JVM has SHA-256", ex);
		}
	}

}
