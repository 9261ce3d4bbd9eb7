package org.misinfodesk.triage.queue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CsvLinesTest {

	@Test
	void quotesFieldsWithCommasQuotesOrLineBreaksAndEndsWithCrLf() {
		assertThat(CsvLines.of(List.of("Hà Nam, Phủ Lý", "nói \"chữa khỏi\"", "dòng 1\ndòng 2", 42)))
			.isEqualTo("\"Hà Nam, Phủ Lý\",\"nói \"\"chữa khỏi\"\"\",\"dòng 1\ndòng 2\",42\r\n");
	}

	@Test
	void cellsASpreadsheetWouldRunAsFormulasStayText() {
		assertThat(CsvLines.of(List.of("=HYPERLINK(\"http://x\")", "+1", "-2", "@SUM(A1)", "\tx", "a=b")))
			.isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\",'+1,'-2,'@SUM(A1),'\tx,a=b\r\n");
	}

	@Test
	void missingValuesAreEmptyCells() {
		assertThat(CsvLines.of(Arrays.asList("a", null, ""))).isEqualTo("a,,\r\n");
	}

}
