package org.misinfodesk.triage.dashboard;

import java.util.List;

/** Nearest-rank quantiles: always one of the measured values, never an interpolation. */
final class Quantiles {

	private Quantiles() {
	}

	/**
	 * @param sorted ascending
	 * @param share from 0 (excluded) to 1
	 * @return the smallest value at least {@code share} of the values are at most, or {@code null} if none
	 */
	static Long of(List<Long> sorted, double share) {
		if (sorted.isEmpty()) {
			return null;
		}
		int rank = (int) Math.ceil(share * sorted.size());
		return sorted.get(Math.min(sorted.size(), Math.max(1, rank)) - 1);
	}

}
