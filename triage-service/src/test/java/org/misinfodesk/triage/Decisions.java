package org.misinfodesk.triage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Decision request bodies. */
final class Decisions {

	static final String PUBLIC_NOTE = "Thông tin sai sự thật; đã chuyển Sở Y tế xác minh và xử lý.";

	private Decisions() {
	}

	static Map<String, Object> fakeHealthRumourRoutedTo(String... agencyIds) {
		Map<String, Object> body = decision("FAKE", "HEALTH", "HIGH");
		body.put("agencyIds", List.of(agencyIds));
		body.put("publicNote", PUBLIC_NOTE);
		body.put("note", "Bác sĩ khoa truyền nhiễm xác nhận không có cơ sở.");
		return body;
	}

	static Map<String, Object> decision(String verdict, String category, String severity) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("verdict", verdict);
		body.put("category", category);
		body.put("severity", severity);
		return body;
	}

}
