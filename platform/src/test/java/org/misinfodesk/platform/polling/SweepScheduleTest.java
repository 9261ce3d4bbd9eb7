package org.misinfodesk.platform.polling;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SweepScheduleTest {

	@Test
	void sweepsAtTheFirstRoundThenWhenAskedThenWhenTheIntervalPassed() {
		SweepSchedule hourly = new SweepSchedule(Duration.ofHours(1));
		assertThat(hourly.due()).as("first round").isTrue();
		assertThat(hourly.due()).as("right after").isFalse();

		hourly.ask();
		assertThat(hourly.due()).as("asked").isTrue();
		assertThat(hourly.due()).isFalse();

		SweepSchedule always = new SweepSchedule(Duration.ZERO);
		assertThat(always.due()).isTrue();
		assertThat(always.due()).as("interval passed").isTrue();
	}

}
