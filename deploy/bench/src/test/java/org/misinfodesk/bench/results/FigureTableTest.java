package org.misinfodesk.bench.results;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FigureTableTest {

	@Test
	void aLatencyAtOrUnderItsLimitMeetsItsTarget() {
		assertThat(Figure.of("p99", 300, "ms", Target.atMost(300, "ms")).verdict()).isEqualTo("met");
		assertThat(Figure.of("p99", 300.5, "ms", Target.atMost(300, "ms")).verdict()).isEqualTo("not met");
	}

	@Test
	void aShareAtOrAboveItsFloorMeetsItsTarget() {
		assertThat(Figure.of("ratio", 0.70, "%", Target.atLeast(0.70, "%")).verdict()).isEqualTo("met");
		assertThat(Figure.of("ratio", 0.69, "%", Target.atLeast(0.70, "%")).verdict()).isEqualTo("not met");
		assertThat(Figure.of("ratio", 0.69, "%", Target.atLeast(0.70, "%")).valueText()).isEqualTo("69 %");
		assertThat(Target.atLeast(0.70, "%").text()).isEqualTo("≥ 70 %");
	}

	@Test
	void aFigureThatCouldNotBeMeasuredIsNeitherMetNorSilentlyPassed() {
		FigureTable table = new FigureTable().add(Figure.of("p99", Double.NaN, "ms", Target.atMost(50, "ms")))
			.add(Figure.of("rate", 400, "reports/s", Target.none()))
			.add(Figure.of("rss", 300, "MB", Target.atMost(512, "MB")));

		assertThat(table.figures().get(0).verdict()).isEqualTo("not measured");
		assertThat(table.figures().get(1).verdict()).isEmpty();
		assertThat(table.missed()).isEqualTo(1);
	}

	@Test
	void theMarkdownTableHasOneRowPerFigureWithValueTargetAndVerdict() {
		FigureTable table = new FigureTable()
			.add(Figure.of("queue first page p99", 12.345, "ms", Target.atMost(50, "ms")).noted("p50 3.0 ms"))
			.add(Figure.of("ingest held", 400, "reports/s", Target.none()));

		assertThat(table.markdown()).isEqualTo("""
				| figure | value | target | met |
				|---|---|---|---|
				| queue first page p99 | 12.3 ms (p50 3.0 ms) | ≤ 50 ms | met |
				| ingest held | 400 reports/s |  |  |
				""");
		assertThat(table.plain().lines().toList()).hasSize(4);
		assertThat(table.plain().lines().toList().get(2)).startsWith("queue first page p99").endsWith("met");
	}

	@Test
	void valuesAreRoundedToWhatTheMeasurementCanTell() {
		assertThat(Figure.format(1234.5, "ms")).isEqualTo("1,235 ms");
		assertThat(Figure.format(42.25, "ms")).isEqualTo("42.3 ms");
		assertThat(Figure.format(3.14159, "s")).isEqualTo("3.14 s");
		assertThat(Figure.format(1_000_000, "cases")).isEqualTo("1,000,000 cases");
	}

}
