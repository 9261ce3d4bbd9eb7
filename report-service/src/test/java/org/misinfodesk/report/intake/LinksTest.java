package org.misinfodesk.report.intake;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LinksTest {

	@Test
	void dropsTrackingParametersAndTheFragmentAndKeepsTheRest() {
		assertThat(Links.normalise("https://example.vn/a?id=7&utm_source=fb&UTM_Medium=x&fbclid=abc&b=2#top"))
			.isEqualTo("https://example.vn/a?id=7&b=2");
		assertThat(Links.normalise("https://zalo.me/g/abc?zarsrc=30&gclid=1")).isEqualTo("https://zalo.me/g/abc");
		assertThat(Links.normalise("https://example.vn/a#x")).isEqualTo("https://example.vn/a");
		assertThat(Links.normalise("https://example.vn/a?utm=keep")).isEqualTo("https://example.vn/a?utm=keep");
	}

}
