package org.misinfodesk.triage;

import java.time.Instant;

import org.misinfodesk.platform.test.Contracts;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Bodies of {@code org.misinfodesk.report.submitted.v1}, made from the contract's example. */
final class ReportEvents {

	static final String TYPE = "org.misinfodesk.report.submitted.v1";

	private static final JsonMapper json = JsonMapper.builder().build();

	private ReportEvents() {
	}

	private static final String[] WORDS = { "sáng", "chiều", "phường", "xã", "huyện", "thôn", "chợ", "trường", "cầu",
			"đường", "sông", "núi", "lúa", "ngô", "khoai", "sắn", "cá", "gà" };

	/**
	 * The contract's example (a health rumour seen on Facebook) as another report, with words of its own
	 * and its own source address, so that fixtures of different tests never cluster together.
	 */
	static String aHealthRumour(String reportId) {
		ObjectNode report = example(reportId);
		report.put("content", report.get("content").asString() + " " + wordsOf(reportId));
		report.put("sourceUrl", "https://www.facebook.com/groups/123456/posts/" + reportId);
		return report.toString();
	}

	/** Sixteen words chosen by the report id: unrelated to another id's words. */
	static String wordsOf(String reportId) {
		StringBuilder words = new StringBuilder();
		String hex = reportId.replace("-", "");
		for (int i = 0; i < 16; i++) {
			int value = Character.digit(hex.charAt(i % hex.length()), 16) + 16 * (i % 2);
			words.append(WORDS[(value + i) % WORDS.length]).append(i).append(' ');
		}
		return words.toString().strip();
	}

	/** The contract's example as is, with this report's ids. */
	static ObjectNode exampleReport(String reportId) {
		return example(reportId);
	}

	static String aRumourHinted(String reportId, String categoryHint, String content) {
		ObjectNode report = example(reportId);
		report.put("categoryHint", categoryHint);
		report.put("content", content);
		report.put("sourceUrl", "https://example.org/posts/" + reportId);
		report.put("submittedAt", Instant.now().toString());
		report.putNull("seenAt");
		return report.toString();
	}

	/** A report submitted at a chosen instant, about a chosen place, from a chosen address. */
	static String aReportOn(String reportId, Instant submittedAt, String categoryHint, String localityCode,
			String sourceUrl) {
		ObjectNode report = example(reportId);
		report.put("content", "Tin đồn về " + wordsOf(reportId));
		report.put("categoryHint", categoryHint);
		report.put("localityCode", localityCode);
		report.put("sourceUrl", sourceUrl);
		report.put("submittedAt", submittedAt.toString());
		report.putNull("seenAt");
		return report.toString();
	}

	static String reportIdOf(String body) {
		return json.readTree(body).get("reportId").asString();
	}

	private static ObjectNode example(String reportId) {
		ObjectNode report = (ObjectNode) json.readTree(Contracts.example(TYPE));
		report.put("reportId", reportId);
		report.put("trackingCode", "HN-" + reportId.substring(0, 4).toUpperCase() + "-TEST");
		return report;
	}

}
