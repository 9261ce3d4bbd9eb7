package org.misinfodesk.triage.queue;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Lines of RFC 4180 CSV that a spreadsheet opens safely: fields with a comma, quote or line break
 * are quoted (quotes doubled), and a field that a spreadsheet would run as a formula (starting with
 * {@code = + - @}, a tab or a carriage return) is prefixed with {@code '} so that it stays text.
 */
public final class CsvLines {

	/** Makes Excel read the file as UTF-8 (Vietnamese text), and is ignored by other readers. */
	public static final String BYTE_ORDER_MARK = "\uFEFF";

	private CsvLines() {
	}

	public static String of(List<?> fields) {
		return fields.stream().map(CsvLines::field).collect(Collectors.joining(",", "", "\r\n"));
	}

	static String field(Object value) {
		if (value == null) {
			return "";
		}
		String text = value.toString();
		if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
			text = "'" + text;
		}
		if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
			return '"' + text.replace("\"", "\"\"") + '"';
		}
		return text;
	}

}
