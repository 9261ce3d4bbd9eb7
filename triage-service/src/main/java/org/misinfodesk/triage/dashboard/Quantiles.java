package org.misinfodesk.triage.dashboard;

import java.util.Map;
import java.util.NavigableMap;

/** Nearest-rank quantiles: always one of the counted values, never an interpolation. */
final class Quantiles {

	private Quantiles() {
	}

	/**
	 * @param counts how many times each value was counted
	 * @param share from 0 (excluded) to 1
	 * @return the smallest value at least {@code share} of the values are at most, or {@code null} if none
	 */
	static Long of(NavigableMap<Long, Long> counts, double share) {
		long total = counts.values().stream().mapToLong(Long::longValue).sum();
		if (total == 0) {
			return null;
		}
		long rank = Math.min(total, Math.max(1, (long) Math.ceil(share * total)));
		long seen = 0;
		for (Map.Entry<Long, Long> value : counts.entrySet()) {
			seen += value.getValue();
			if (seen >= rank) {
				return value.getKey();
			}
		}
		return counts.lastKey();
	}

}
