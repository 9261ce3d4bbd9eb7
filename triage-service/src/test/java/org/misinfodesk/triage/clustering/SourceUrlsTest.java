package org.misinfodesk.triage.clustering;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SourceUrlsTest {

	@Test
	void sameFacebookPostSharedWithDifferentTrackingParametersHasOneKey() {
		String shared = SourceUrls.normalise(
				"https://m.facebook.com/groups/123456/posts/987654/?mibextid=Nif5oz&fbclid=IwAR3x&utm_source=zalo");
		String copied = SourceUrls.normalise("http://www.facebook.com/groups/123456/posts/987654#comments");

		assertThat(shared).isEqualTo(copied).isEqualTo("facebook.com/groups/123456/posts/987654");
	}

	@Test
	void parametersThatNameTheContentStayAndAreSorted() {
		assertThat(SourceUrls.normalise("https://www.youtube.com/watch?v=abc123&t=42&si=tracker&feature=share"))
			.isEqualTo("youtube.com/watch?t=42&v=abc123");
		assertThat(SourceUrls.normalise("https://www.youtube.com/watch?v=other"))
			.isNotEqualTo(SourceUrls.normalise("https://www.youtube.com/watch?v=abc123"));
	}

	@Test
	void whatIsNoWebAddressHasNoKey() {
		assertThat(SourceUrls.normalise("nhóm Zalo của khu phố")).isNull();
		assertThat(SourceUrls.normalise("ftp://example.org/file")).isNull();
		assertThat(SourceUrls.normalise(null)).isNull();
	}

}
