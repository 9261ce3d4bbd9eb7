package org.misinfodesk.triage.cases;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SummariesTest {

	@Test
	void shortReportIsItsOwnSummary() {
		assertThat(Summaries.of("Uống nước lá ổi chữa sốt xuất huyết.")).isEqualTo("Uống nước lá ổi chữa sốt xuất huyết.");
	}

	@Test
	void whitespaceAndLineBreaksCollapseToSingleSpaces() {
		assertThat(Summaries.of("  Tin đồn\n\nvề   lũ quét\t ")).isEqualTo("Tin đồn về lũ quét");
	}

	@Test
	void longReportIsCutAfterTheLastWholeWordThatFits() {
		String content = "Bài đăng trên Facebook nói rằng uống nước lá ổi chữa khỏi sốt xuất huyết trong 3 ngày, "
				+ "kêu gọi mọi người không đến bệnh viện mà tự điều trị tại nhà bằng các bài thuốc dân gian truyền miệng.";
		String summary = Summaries.of(content);

		assertThat(content).hasSizeGreaterThan(Summaries.LENGTH);
		assertThat(summary).endsWith("…").hasSizeLessThanOrEqualTo(Summaries.LENGTH + 1);
		String kept = summary.substring(0, summary.length() - 1);
		assertThat(content).startsWith(kept);
		assertThat(content.charAt(kept.length())).isEqualTo(' ');
	}

	@Test
	void cutFallsOnTheBoundaryWhenAWordEndsExactlyThere() {
		assertThat(Summaries.of("abcd efgh ijkl", 9)).isEqualTo("abcd efgh…");
		assertThat(Summaries.of("abcd efghij", 9)).isEqualTo("abcd…");
	}

	@Test
	void singleWordLongerThanTheSummaryIsCutInside() {
		String link = "https://example.org/" + "a".repeat(300);
		assertThat(Summaries.of(link)).hasSize(Summaries.LENGTH + 1).endsWith("…");
	}

	@Test
	void cutNeverSplitsACharacterOutsideTheBasicPlane() {
		String emoji = "😀".repeat(100);
		String summary = Summaries.of(emoji, 9);
		assertThat(summary.codePoints().limit(summary.codePointCount(0, summary.length()) - 1))
			.allMatch((codePoint) -> codePoint == "😀".codePointAt(0));
	}

	@Test
	void missingContentGivesAnEmptySummary() {
		assertThat(Summaries.of(null)).isEmpty();
	}

}
