package org.misinfodesk.triage.clustering;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.misinfodesk.triage.cases.TextSignature;

/**
 * MinHash over word shingles of folded text. The hash functions come from a fixed seed, so
 * signatures stored yesterday compare with signatures made today.
 */
final class MinHasher {

	private static final long SEED = 0x5EED_CA5EL;

	private final long[] seeds;

	private final int shingleWords;

	MinHasher(int hashes, int shingleWords) {
		SplittableRandom random = new SplittableRandom(SEED);
		this.seeds = new long[hashes];
		for (int i = 0; i < hashes; i++) {
			this.seeds[i] = random.nextLong();
		}
		this.shingleWords = shingleWords;
	}

	/** The signature of a text, or {@code null} when it has no words. */
	TextSignature sign(String text) {
		Set<Long> shingles = shingles(TextFolding.words(text));
		if (shingles.isEmpty()) {
			return null;
		}
		int[] min = new int[this.seeds.length];
		java.util.Arrays.fill(min, Integer.MAX_VALUE);
		for (long shingle : shingles) {
			for (int i = 0; i < this.seeds.length; i++) {
				int h = (int) (mix(shingle ^ this.seeds[i]) >>> 33);
				if (h < min[i]) {
					min[i] = h;
				}
			}
		}
		List<Integer> values = new ArrayList<>(min.length);
		for (int value : min) {
			values.add(value);
		}
		return new TextSignature(values);
	}

	private Set<Long> shingles(List<String> words) {
		Set<Long> shingles = new HashSet<>();
		if (words.isEmpty()) {
			return shingles;
		}
		int k = Math.min(this.shingleWords, words.size());
		for (int i = 0; i + k <= words.size(); i++) {
			shingles.add(fnv(String.join(" ", words.subList(i, i + k))));
		}
		return shingles;
	}

	static long fnv(String text) {
		long hash = 0xcbf29ce484222325L;
		for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
			hash ^= (b & 0xff);
			hash *= 0x100000001b3L;
		}
		return hash;
	}

	/** SplitMix64's finaliser: every input bit affects every output bit. */
	static long mix(long z) {
		z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
		z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
		return z ^ (z >>> 31);
	}

}
