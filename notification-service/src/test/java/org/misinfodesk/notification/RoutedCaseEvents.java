package org.misinfodesk.notification;

import java.util.UUID;

import org.misinfodesk.platform.test.Contracts;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Bodies of {@code org.misinfodesk.case.routed.v1} built from the contract's example, with a fresh
 * case id so that tests sharing one broker and store stay apart.
 */
final class RoutedCaseEvents {

	static final String TYPE = "org.misinfodesk.case.routed.v1";

	static final String EXAMPLE_SUMMARY = "Bài đăng trên Facebook nói rằng uống nước lá ổi chữa khỏi sốt xuất huyết trong 3 ngày";

	static final JsonMapper json = JsonMapper.builder().build();

	private RoutedCaseEvents() {
	}

	static String newCaseId() {
		return "c-" + UUID.randomUUID();
	}

	/** The contract's example (a health rumour, due 2026-11-28T02:10:00Z) routed to one agency. */
	static String routedTo(String caseId, String agencyId, String agencyName) {
		return routedTo(caseId, 1, agencyId, agencyName, EXAMPLE_SUMMARY);
	}

	static String routedTo(String caseId, int routing, String agencyId, String agencyName, String summary) {
		ObjectNode body = (ObjectNode) json.readTree(Contracts.example(TYPE));
		body.put("caseId", caseId);
		body.put("routing", routing);
		body.put("summary", summary);
		body.putArray("agencies").addObject().put("id", agencyId).put("name", agencyName);
		return json.writeValueAsString(body);
	}

}
