package org.misinfodesk.bench.results;

import java.util.Locale;

/**
 * One measured figure beside its target.
 *
 * @param value the measurement, {@code NaN} when it could not be made
 * @param note what to know to read it (how it was measured), shown beside the value
 */
public record Figure(String name, double value, String unit, Target target, String note) {

	public static Figure of(String name, double value, String unit, Target target) {
		return new Figure(name, value, unit, target, "");
	}

	public Figure noted(String text) {
		return new Figure(this.name, this.value, this.unit, this.target, text);
	}

	public Boolean met() {
		return this.target.metBy(this.value);
	}

	/** {@code met}, {@code not met}, {@code not measured}, or empty for a figure without a target. */
	public String verdict() {
		if (Double.isNaN(this.value)) {
			return "not measured";
		}
		Boolean met = met();
		return (met == null) ? "" : met ? "met" : "not met";
	}

	public String valueText() {
		if (Double.isNaN(this.value)) {
			return "—";
		}
		String text = format(this.value, this.unit);
		return this.note.isEmpty() ? text : text + " (" + this.note + ")";
	}

	static String format(double value, String unit) {
		String number;
		if ("%".equals(unit)) {
			return String.format(Locale.ROOT, "%.0f %%", value * 100);
		}
		if (value == Math.rint(value) && Math.abs(value) < 1e15) {
			number = String.format(Locale.ROOT, "%,d", (long) value);
		}
		else if (Math.abs(value) >= 100) {
			number = String.format(Locale.ROOT, "%,.0f", value);
		}
		else if (Math.abs(value) >= 10) {
			number = String.format(Locale.ROOT, "%.1f", value);
		}
		else {
			number = String.format(Locale.ROOT, "%.2f", value);
		}
		return unit.isEmpty() ? number : number + " " + unit;
	}

}
