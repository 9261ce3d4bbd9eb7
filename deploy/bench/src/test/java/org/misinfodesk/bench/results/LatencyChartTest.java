package org.misinfodesk.bench.results;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.misinfodesk.bench.load.StepResult;

import static org.assertj.core.api.Assertions.assertThat;

class LatencyChartTest {

	@Test
	void drawsBothSystemsStepsAsAPng(@TempDir Path dir) throws Exception {
		Path png = dir.resolve("chart.png");

		LatencyChart.write(png, "test", List.of(step(25, 5), step(50, 8), step(100, 400)),
				List.of(step(25, 3), step(50, 3), step(100, 4), step(200, 9)), 100);

		BufferedImage image = ImageIO.read(png.toFile());
		assertThat(image.getWidth()).isGreaterThan(800);
		assertThat(image.getRGB(image.getWidth() / 2, image.getHeight() / 2)).isNotZero();
	}

	private static StepResult step(int rate, long millis) {
		Histogram h = new Histogram(60_000_000, 3);
		for (int i = 0; i < 100; i++) {
			h.recordValue(millis * 1000 + i * 10);
		}
		return new StepResult(rate, 100, 100, h, h, Map.of(), 0.1, 1);
	}

}
