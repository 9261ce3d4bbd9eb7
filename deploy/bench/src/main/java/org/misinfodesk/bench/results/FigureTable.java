package org.misinfodesk.bench.results;

import java.util.ArrayList;
import java.util.List;

/** The run's figures in order, printed as a plain text table or as Markdown. */
public final class FigureTable {

	private static final String[] HEADINGS = { "figure", "value", "target", "met" };

	private final List<Figure> figures = new ArrayList<>();

	public FigureTable add(Figure figure) {
		this.figures.add(figure);
		return this;
	}

	public List<Figure> figures() {
		return List.copyOf(this.figures);
	}

	/** How many figures with a target missed it, or could not be measured. */
	public long missed() {
		return this.figures.stream()
			.filter((f) -> f.target().kind() != Target.Kind.NONE)
			.filter((f) -> !Boolean.TRUE.equals(f.met()))
			.count();
	}

	public String markdown() {
		StringBuilder text = new StringBuilder("| figure | value | target | met |\n|---|---|---|---|\n");
		for (Figure f : this.figures) {
			text.append("| ")
				.append(f.name())
				.append(" | ")
				.append(f.valueText())
				.append(" | ")
				.append(f.target().text())
				.append(" | ")
				.append(f.verdict())
				.append(" |\n");
		}
		return text.toString();
	}

	public String plain() {
		List<String[]> rows = new ArrayList<>();
		rows.add(HEADINGS);
		for (Figure f : this.figures) {
			rows.add(new String[] { f.name(), f.valueText(), f.target().text(), f.verdict() });
		}
		int[] widths = new int[HEADINGS.length];
		for (String[] row : rows) {
			for (int i = 0; i < row.length; i++) {
				widths[i] = Math.max(widths[i], row[i].length());
			}
		}
		StringBuilder text = new StringBuilder();
		for (int r = 0; r < rows.size(); r++) {
			String[] row = rows.get(r);
			for (int i = 0; i < row.length; i++) {
				text.append(String.format("%-" + widths[i] + "s", row[i])).append((i < row.length - 1) ? "  " : "");
			}
			text.append('\n');
			if (r == 0) {
				for (int i = 0; i < widths.length; i++) {
					text.append("-".repeat(widths[i])).append((i < widths.length - 1) ? "  " : "");
				}
				text.append('\n');
			}
		}
		return text.toString();
	}

}
