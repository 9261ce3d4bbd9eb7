package org.misinfodesk.triage.dashboard;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QuantilesTest {

	@Test
	void medianAndNinetiethPercentileAreMeasuredValuesByNearestRank() {
		List<Long> tenValues = List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 100L);

		assertThat(Quantiles.of(tenValues, 0.5)).isEqualTo(5L);
		assertThat(Quantiles.of(tenValues, 0.9)).isEqualTo(9L);
		assertThat(Quantiles.of(List.of(42L), 0.9)).isEqualTo(42L);
		assertThat(Quantiles.of(List.of(10L, 20L, 30L), 0.5)).isEqualTo(20L);
		assertThat(Quantiles.of(List.of(10L, 20L, 30L), 0.9)).isEqualTo(30L);
	}

	@Test
	void noValuesHaveNoQuantile() {
		assertThat(Quantiles.of(List.of(), 0.5)).isNull();
	}

}
