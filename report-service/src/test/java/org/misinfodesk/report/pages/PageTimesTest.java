package org.misinfodesk.report.pages;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PageTimesTest {

	final PageTimes times = new PageTimes(new PageSettings(ZoneId.of("Asia/Ho_Chi_Minh")));

	@Test
	void readsADatetimeLocalFieldAsVietnamTime() {
		assertThat(this.times.fromLocalField("2026-11-27T08:30")).contains("2026-11-27T08:30+07:00");
		assertThat(this.times.fromLocalField("2026-11-27T08:30:15")).contains("2026-11-27T08:30:15+07:00");
	}

	@Test
	void leavesWhatIsNotALocalDateTimeToTheRules() {
		assertThat(this.times.fromLocalField("hôm qua")).isEmpty();
		assertThat(this.times.fromLocalField("2026-11-27T08:30:00+07:00")).isEmpty();
	}

	@Test
	void showsTimesInVietnamHoursFirst() {
		assertThat(this.times.show(Instant.parse("2026-11-27T01:05:12Z"))).isEqualTo("08:05 27/11/2026");
	}

}
