package org.misinfodesk.report.tracking;

import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The short code a citizen uses to follow a report, such as {@code 7KQ4-M9TX}: eight characters
 * (40 random bits) from an alphabet without the look-alikes 0/O and 1/I, in two groups of four.
 */
public record TrackingCode(String value) {

	/** 32 symbols, so each one carries exactly 5 bits. */
	static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

	static final int LENGTH = 8;

	static final int GROUP = 4;

	public TrackingCode {
		if (value == null || value.length() != LENGTH + 1 || value.charAt(GROUP) != '-'
				|| !inAlphabet(value.substring(0, GROUP) + value.substring(GROUP + 1))) {
			throw new IllegalArgumentException("Not a tracking code in canonical form: " + value);
		}
	}

	public static TrackingCode random(RandomGenerator random) {
		StringBuilder code = new StringBuilder(LENGTH + 1);
		for (int i = 0; i < LENGTH; i++) {
			if (i == GROUP) {
				code.append('-');
			}
			code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return new TrackingCode(code.toString());
	}

	/**
	 * Reads a code as a person might type it: any case, with or without the dash or spaces.
	 * @return empty when it cannot be a tracking code
	 */
	public static Optional<TrackingCode> parse(String typed) {
		if (typed == null) {
			return Optional.empty();
		}
		String compact = typed.replaceAll("[\\s\\-]", "").toUpperCase(Locale.ROOT);
		if (compact.length() != LENGTH || !inAlphabet(compact)) {
			return Optional.empty();
		}
		return Optional.of(new TrackingCode(compact.substring(0, GROUP) + "-" + compact.substring(GROUP)));
	}

	private static boolean inAlphabet(String symbols) {
		return symbols.chars().allMatch((c) -> ALPHABET.indexOf(c) >= 0);
	}

	@Override
	public String toString() {
		return this.value;
	}

}
