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

	/** The contract's example itself (a health rumour seen on Facebook), as another report. */
	static String aHealthRumour(String reportId) {
		return example(reportId).toString();
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
