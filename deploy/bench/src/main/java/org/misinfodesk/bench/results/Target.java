package org.misinfodesk.bench.results;

import java.util.Locale;

/**
 * What a figure should be: at most or at least a limit, or nothing (a figure shown for context).
 */
public record Target(Kind kind, double limit, String unit) {

	/** Which side of the limit a figure must be on. */
	public enum Kind {

		AT_MOST, AT_LEAST, NONE

	}

	public static Target atMost(double limit, String unit) {
		return new Target(Kind.AT_MOST, limit, unit);
	}

	public static Target atLeast(double limit, String unit) {
		return new Target(Kind.AT_LEAST, limit, unit);
	}

	public static Target none() {
		return new Target(Kind.NONE, Double.NaN, "");
	}

	/** Whether {@code value} meets it; {@code null} when there is no target or nothing was measured. */
	public Boolean metBy(double value) {
		if (this.kind == Kind.NONE || Double.isNaN(value)) {
			return null;
		}
		return (this.kind == Kind.AT_MOST) ? value <= this.limit : value >= this.limit;
	}

	public String text() {
		return switch (this.kind) {
			case AT_MOST -> "≤ " + Figure.format(this.limit, this.unit);
			case AT_LEAST -> "≥ " + Figure.format(this.limit, this.unit);
			case NONE -> "";
		};
	}

	@Override
	public String toString() {
		return String.format(Locale.ROOT, "%s %s", this.kind, text());
	}

}
