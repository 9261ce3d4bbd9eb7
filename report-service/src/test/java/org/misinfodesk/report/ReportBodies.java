package org.misinfodesk.report;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JSON bodies of {@code POST /api/v1/reports} as clients send them.
 */
public final class ReportBodies {

	private ReportBodies() {
	}

	/** Everything filled in, by a reporter who stays anonymous. */
	public static Map<String, Object> aHealthRumour() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("content", "Bài đăng trên Facebook nói rằng uống nước lá ổi chữa khỏi sốt xuất huyết trong 3 ngày, "
				+ "kêu gọi không đến bệnh viện.");
		body.put("sourceUrl", "https://www.facebook.com/groups/123456/posts/987654");
		body.put("platform", "FACEBOOK");
		body.put("categoryHint", "HEALTH");
		body.put("localityCode", "HNA-PHU-LY");
		body.put("seenAt", "2026-11-27T08:00:00+07:00");
		return body;
	}

	public static Map<String, Object> aBareReport(String content) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("content", content);
		return body;
	}

	public static Map<String, Object> aHealthRumourBy(Map<String, Object> reporter) {
		Map<String, Object> body = aHealthRumour();
		body.put("reporter", reporter);
		return body;
	}

	public static Map<String, Object> aConsentingReporter() {
		return Map.of("name", "Nguyễn Thị Lan", "email", "lan.nguyen@example.vn", "phone", "+84 912 345 678",
				"contactConsent", true);
	}

	public static Map<String, Object> aReporterWithoutConsent() {
		return Map.of("name", "Trần Văn Bình", "email", "binh.tran@example.vn", "phone", "0987 654 321",
				"contactConsent", false);
	}

}
