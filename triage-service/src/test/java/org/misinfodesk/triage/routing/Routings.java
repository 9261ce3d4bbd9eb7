package org.misinfodesk.triage.routing;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.misinfodesk.triage.cases.Category;
import org.misinfodesk.triage.cases.Severity;
import org.misinfodesk.triage.routing.RoutingSettings.Agency;

/** Routing configuration fixtures, as in the local profile. */
final class Routings {

	private Routings() {
	}

	static RoutingSettings haNamProvince() {
		return new RoutingSettings(
				List.of(new Agency("so-y-te", "Sở Y tế tỉnh Hà Nam"), new Agency("cong-an-tinh", "Công an tỉnh Hà Nam"),
						new Agency("so-vhttdl", "Sở Văn hóa, Thể thao và Du lịch tỉnh Hà Nam"),
						new Agency("ubnd-phuong-phu-ly", "Ủy ban nhân dân phường Phủ Lý")),
				Map.of(Category.HEALTH, List.of("so-y-te"), Category.DISASTER_EPIDEMIC, List.of("so-y-te"),
						Category.SCAM, List.of("cong-an-tinh"), Category.OTHER, List.of("so-vhttdl")),
				Map.of(Severity.CRITICAL, Duration.ofHours(2)));
	}

	static DecisionRequest request(String verdict, String category, String severity, List<String> agencyIds) {
		return new DecisionRequest(verdict, category, severity, null, agencyIds, null, null);
	}

}
