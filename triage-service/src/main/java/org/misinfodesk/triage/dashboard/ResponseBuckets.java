package org.misinfodesk.triage.dashboard;

/**
 * The buckets in which a whole month's response times are counted, so that a year of them is a
 * few thousand counts rather than every response. A bucket holds the values that agree in their
 * {@value #SIGNIFICANT_BITS} leading bits: below 128 s each second is its own bucket; above, a
 * bucket is at most 1/64 of its values wide and stands for its middle, less than 0.8 % from any
 * value in it.
 */
public final class ResponseBuckets {

	static final int SIGNIFICANT_BITS = 7;

	private ResponseBuckets() {
	}

	/** The lowest value of the bucket that {@code seconds} falls in: the bucket's name. */
	public static long of(long seconds) {
		long value = Math.max(0, seconds);
		int shift = dropped(value);
		return (value >> shift) << shift;
	}

	/** The value a bucket stands for. */
	public static long middleOf(long bucket) {
		int shift = dropped(bucket);
		return (shift == 0) ? bucket : bucket + (1L << (shift - 1));
	}

	private static int dropped(long value) {
		int bits = 64 - Long.numberOfLeadingZeros(value);
		return Math.max(0, bits - SIGNIFICANT_BITS);
	}

}
