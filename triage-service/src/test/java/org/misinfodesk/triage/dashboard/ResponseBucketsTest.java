package org.misinfodesk.triage.dashboard;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ResponseBucketsTest {

	@Test
	void timesUnderTwoMinutesKeepTheirSecond() {
		for (long seconds = 0; seconds < 128; seconds++) {
			assertThat(ResponseBuckets.middleOf(ResponseBuckets.of(seconds))).isEqualTo(seconds);
		}
	}

	@Test
	void longerTimesStandForTheirBucketWithinEightTenthsOfAPercent() {
		long month = Duration.ofDays(31).toSeconds();
		for (long seconds = 128; seconds <= month; seconds += 7) {
			long bucket = ResponseBuckets.of(seconds);
			assertThat(bucket).isLessThanOrEqualTo(seconds);
			assertThat(ResponseBuckets.of(bucket)).isEqualTo(bucket);
			assertThat(Math.abs(ResponseBuckets.middleOf(bucket) - seconds)).as("%d s", seconds)
				.isLessThanOrEqualTo(Math.max(1, seconds / 128));
		}
	}

	@Test
	void anyTimeUpToAMonthFallsInOneOfAboutAThousandBuckets() {
		long buckets = java.util.stream.LongStream.rangeClosed(0, Duration.ofDays(31).toSeconds())
			.map(ResponseBuckets::of)
			.distinct()
			.count();

		assertThat(buckets).isLessThan(128 + 64 * 15);
	}

}
