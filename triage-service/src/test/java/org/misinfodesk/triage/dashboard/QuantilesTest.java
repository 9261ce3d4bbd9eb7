package org.misinfodesk.triage.dashboard;

import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QuantilesTest {

	@Test
	void medianAndNinetiethPercentileAreMeasuredValuesByNearestRank() {
		NavigableMap<Long, Long> tenValues = once(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 100L);

		assertThat(Quantiles.of(tenValues, 0.5)).isEqualTo(5L);
		assertThat(Quantiles.of(tenValues, 0.9)).isEqualTo(9L);
		assertThat(Quantiles.of(once(42L), 0.9)).isEqualTo(42L);
		assertThat(Quantiles.of(once(10L, 20L, 30L), 0.5)).isEqualTo(20L);
		assertThat(Quantiles.of(once(10L, 20L, 30L), 0.9)).isEqualTo(30L);
	}

	@Test
	void aValueCountedManyTimesTakesAsManyRanks() {
		NavigableMap<Long, Long> counted = new TreeMap<>(Map.of(10L, 4L, 20L, 5L, 30L, 1L));

		assertThat(Quantiles.of(counted, 0.4)).isEqualTo(10L);
		assertThat(Quantiles.of(counted, 0.5)).isEqualTo(20L);
		assertThat(Quantiles.of(counted, 0.9)).isEqualTo(20L);
		assertThat(Quantiles.of(counted, 1.0)).isEqualTo(30L);
	}

	@Test
	void noValuesHaveNoQuantile() {
		assertThat(Quantiles.of(new TreeMap<>(), 0.5)).isNull();
	}

	private static NavigableMap<Long, Long> once(Long... values) {
		NavigableMap<Long, Long> counts = new TreeMap<>();
		List.of(values).forEach((value) -> counts.merge(value, 1L, Long::sum));
		return counts;
	}

}
