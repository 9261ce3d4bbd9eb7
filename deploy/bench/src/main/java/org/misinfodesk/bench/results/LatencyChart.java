package org.misinfodesk.bench.results;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import javax.imageio.ImageIO;

import org.misinfodesk.bench.load.StepResult;

/**
 * Latency percentiles per offered rate, ours beside the baseline's, on a logarithmic latency axis, drawn
 * with Java2D (no chart library needed).
 */
public final class LatencyChart {

	static final double[] PERCENTILES = { 50, 90, 99, 99.9 };

	private static final float[][] DASHES = { null, { 10f, 5f }, { 3f, 4f }, { 12f, 4f, 3f, 4f } };

	private static final Color OURS = new Color(0xC0392B);

	private static final Color BASELINE = new Color(0x2471A3);

	private static final int WIDTH = 1100;

	private static final int HEIGHT = 640;

	private static final int LEFT = 80;

	private static final int RIGHT = 250;

	private static final int TOP = 60;

	private static final int BOTTOM = 70;

	private LatencyChart() {
	}

	public static void write(Path png, String title, List<StepResult> ours, List<StepResult> baseline,
			double limitMillis) throws IOException {
		BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, WIDTH, HEIGHT);

		TreeSet<Integer> rates = new TreeSet<>();
		ours.forEach((s) -> rates.add(s.rate()));
		baseline.forEach((s) -> rates.add(s.rate()));
		List<Integer> xs = List.copyOf(rates);
		double low = 1;
		double high = 10;
		for (StepResult s : concat(ours, baseline)) {
			for (double p : PERCENTILES) {
				double v = s.millis(p);
				if (!Double.isNaN(v)) {
					low = Math.min(low, Math.max(0.1, v));
					high = Math.max(high, v);
				}
			}
		}
		double yMin = Math.pow(10, Math.floor(Math.log10(low)));
		double yMax = Math.pow(10, Math.ceil(Math.log10(Math.max(high, limitMillis * 1.5))));
		int plotW = WIDTH - LEFT - RIGHT;
		int plotH = HEIGHT - TOP - BOTTOM;

		g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
		g.setColor(Color.BLACK);
		g.drawString(title, LEFT, 30);
		g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));

		// grid and axes
		for (double decade = yMin; decade <= yMax * 1.001; decade *= 10) {
			for (int m = 1; m < 10; m++) {
				double v = decade * m;
				if (v > yMax * 1.001) {
					break;
				}
				int y = y(v, yMin, yMax, plotH);
				g.setColor((m == 1) ? new Color(0xBBBBBB) : new Color(0xEEEEEE));
				g.drawLine(LEFT, y, LEFT + plotW, y);
				if (m == 1) {
					g.setColor(Color.DARK_GRAY);
					g.drawString(label(v) + " ms", 8, y + 4);
				}
			}
		}
		for (int i = 0; i < xs.size(); i++) {
			int x = x(i, xs.size(), plotW);
			g.setColor(new Color(0xEEEEEE));
			g.drawLine(x, TOP, x, TOP + plotH);
			g.setColor(Color.DARK_GRAY);
			String text = xs.get(i) + "/s";
			g.drawString(text, x - g.getFontMetrics().stringWidth(text) / 2, TOP + plotH + 20);
		}
		g.drawString("offered rate (requests per second, open loop)", LEFT + plotW / 2 - 130, TOP + plotH + 45);
		g.setColor(Color.BLACK);
		g.drawRect(LEFT, TOP, plotW, plotH);

		// the limit a step must hold at p99
		Stroke plain = g.getStroke();
		g.setColor(new Color(0x27AE60));
		g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] { 6f, 6f },
				0f));
		int limitY = y(limitMillis, yMin, yMax, plotH);
		g.drawLine(LEFT, limitY, LEFT + plotW, limitY);
		g.drawString("p99 limit " + label(limitMillis) + " ms", LEFT + 6, limitY - 5);

		int legendY = TOP + 10;
		legendY = series(g, "ours (report-service)", OURS, ours, xs, yMin, yMax, plotW, plotH, legendY);
		series(g, "baseline (insert + send)", BASELINE, baseline, xs, yMin, yMax, plotW, plotH, legendY + 15);
		g.setStroke(plain);
		g.dispose();
		ImageIO.write(image, "png", png.toFile());
	}

	private static int series(Graphics2D g, String name, Color color, List<StepResult> steps, List<Integer> xs,
			double yMin, double yMax, int plotW, int plotH, int legendY) {
		int lx = LEFT + plotW + 20;
		g.setColor(Color.BLACK);
		g.setStroke(new BasicStroke(1f));
		g.drawString(name, lx, legendY + 4);
		legendY += 18;
		for (int p = 0; p < PERCENTILES.length; p++) {
			BasicStroke stroke = (DASHES[p] == null) ? new BasicStroke(2.2f)
					: new BasicStroke(2.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, DASHES[p], 0f);
			g.setColor(color);
			g.setStroke(stroke);
			int prevX = -1;
			int prevY = -1;
			for (StepResult s : steps) {
				double v = s.millis(PERCENTILES[p]);
				if (Double.isNaN(v)) {
					continue;
				}
				int x = x(xs.indexOf(s.rate()), xs.size(), plotW);
				int y = y(Math.max(v, yMin), yMin, yMax, plotH);
				if (prevX >= 0) {
					g.drawLine(prevX, prevY, x, y);
				}
				g.fillOval(x - 3, y - 3, 6, 6);
				prevX = x;
				prevY = y;
			}
			g.drawLine(lx, legendY, lx + 40, legendY);
			g.setStroke(new BasicStroke(1f));
			g.setColor(Color.BLACK);
			g.drawString("p" + label(PERCENTILES[p]), lx + 48, legendY + 4);
			legendY += 18;
		}
		return legendY;
	}

	private static List<StepResult> concat(List<StepResult> a, List<StepResult> b) {
		return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
	}

	private static int x(int index, int count, int plotW) {
		return LEFT + (int) Math.round((count == 1) ? plotW / 2.0 : 30 + index * (plotW - 60.0) / (count - 1));
	}

	private static int y(double value, double yMin, double yMax, int plotH) {
		double share = (Math.log10(value) - Math.log10(yMin)) / (Math.log10(yMax) - Math.log10(yMin));
		return TOP + plotH - (int) Math.round(share * plotH);
	}

	private static String label(double value) {
		return (value == Math.rint(value)) ? String.valueOf((long) value)
				: String.format(Locale.ROOT, "%s", value).replaceAll("0+$", "");
	}

}
