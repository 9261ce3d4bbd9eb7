package org.misinfodesk.triage;

import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.misinfodesk.platform.test.CloudEventRecords;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The measure of a useful queue: 200 reports about 20 rumours, written the many ways
 * citizens write them (with and without diacritics, shouted, with a greeting or a warning around
 * them, the same post shared with tracking parameters), become 20 cases that 20 decisions clear.
 */
class QueueClearingIT extends RunningTriageService {

	static final List<String> RUMOURS = List.of(
			"uống nước lá ổi đun sôi ba lần mỗi ngày chữa khỏi sốt xuất huyết không cần truyền dịch ở bệnh viện",
			"ngân hàng nông nghiệp chi nhánh phủ lý sắp phá sản người gửi tiết kiệm phải rút hết tiền trước thứ sáu",
			"đê sông đáy đoạn qua kim bảng đã vỡ nước lũ tràn vào thị trấn yêu cầu sơ tán ngay trong đêm nay",
			"vắc xin sởi cho trẻ em tại trạm y tế phường gây vô sinh nên phụ huynh tuyệt đối không cho con tiêm",
			"công an tỉnh gọi điện yêu cầu chuyển khoản tiền bảo lãnh để không bị khởi tố vì liên quan đường dây ma túy",
			"trường trung học phổ thông chuyên biên hòa cho toàn bộ học sinh nghỉ học một tháng vì dịch cúm lạ lây nhanh",
			"giá xăng dầu sẽ tăng gấp đôi từ tuần sau do nhà máy lọc dầu dung quất ngừng hoạt động vô thời hạn",
			"đường link nhận quà tri ân khách hàng của điện lực tặng năm trăm nghìn đồng chỉ cần nhập mật khẩu ngân hàng",
			"thịt lợn bán ở chợ rồng nhiễm dịch tả châu phi đã lây sang người khiến nhiều người nhập viện cấp cứu",
			"ủy ban nhân dân xã thu hồi toàn bộ đất nông nghiệp để giao cho doanh nghiệp nước ngoài xây sân golf",
			"nước máy của nhà máy nước thanh liêm nhiễm thạch tín vượt ngưỡng cho phép hàng trăm lần không được uống",
			"tài khoản facebook mạo danh chủ tịch tỉnh kêu gọi quyên góp ủng hộ người dân vùng lũ vào số tài khoản cá nhân",
			"luật mới bắt buộc mọi xe máy trên mười năm tuổi phải bị thu hồi và tiêu hủy trước ngày một tháng một",
			"bệnh viện đa khoa tỉnh từ chối cấp cứu bệnh nhân không có bảo hiểm y tế khiến một cụ già tử vong",
			"động đất mạnh sẽ xảy ra tại đồng bằng bắc bộ vào rằm tháng này theo dự báo của chuyên gia nước ngoài",
			"thẻ căn cước cũ hết hiệu lực từ tháng sau ai không đổi sẽ bị khóa tài khoản ngân hàng và phạt tiền",
			"sữa bột trẻ em nhập khẩu bán trong siêu thị chứa melamine gây sỏi thận đã được phát hiện hôm qua",
			"sân bay quốc tế mới sẽ xây trên đất ruộng của ba xã người dân chỉ được đền bù một nghìn đồng mỗi mét",
			"camera giao thông mới tự động trừ tiền phạt trong tài khoản ngân hàng của chủ xe mà không cần thông báo",
			"ăn tỏi sống với mật ong lúc đói chữa khỏi ung thư dạ dày giai đoạn cuối trong vòng ba mươi ngày");

	@Test
	void twoHundredReportsAboutTwentyRumoursAreClearedByTwentyDecisions() {
		List<String> caseIds = new ArrayList<>();
		for (int rumour = 0; rumour < RUMOURS.size(); rumour++) {
			String post = "https://www.facebook.com/groups/" + (4000 + rumour) + "/posts/" + freshReportId();
			String first = freshReportId();
			caseIds.add(submit(ClusteringIT.report(first, capitalised(RUMOURS.get(rumour)), null, "HEALTH")));
			for (int way = 1; way < 10; way++) {
				String reportId = freshReportId();
				String body = ClusteringIT.report(reportId, writtenAnotherWay(RUMOURS.get(rumour), way),
						way % 3 == 0 ? post + "?utm_source=zalo&fbclid=IwAR" + way : null, "HEALTH");
				send(CloudEventRecords.of("reports.submitted", ReportEvents.TYPE, reportId, body));
			}
		}
		for (String caseId : caseIds) {
			await().atMost(Duration.ofSeconds(60))
				.untilAsserted(() -> assertThat(caseOf(caseId).get("reportCount").asInt()).isEqualTo(10));
		}

		for (String caseId : caseIds) {
			claim(caseId, ANALYST);
			as(ANALYST).post()
				.uri("/api/v1/cases/{id}/decision", caseId)
				.bodyValue(Decisions.fakeHealthRumourRoutedTo("so-y-te"))
				.exchange()
				.expectStatus()
				.isOk();
		}

		assertThat(caseIds).doesNotHaveDuplicates().hasSize(20);
		for (String caseId : caseIds) {
			var routed = caseOf(caseId);
			assertThat(routed.get("status").asString()).isEqualTo("ROUTED");
			assertThat(routed.get("reports")).hasSize(10);
		}
	}

	/** The same rumour as ten different citizens write it. */
	static String writtenAnotherWay(String rumour, int way) {
		return switch (way) {
			case 1 -> withoutDiacritics(rumour);
			case 2 -> rumour.toUpperCase(Locale.forLanguageTag("vi"));
			case 3 -> "Mọi người ơi, " + rumour;
			case 4 -> rumour + ". Chia sẻ ngay cho người thân!";
			case 5 -> withoutDiacritics(rumour).toUpperCase(Locale.ROOT);
			case 6 -> "Tin nóng: " + capitalised(rumour) + " !!!";
			case 7 -> Normalizer.normalize(capitalised(rumour), Normalizer.Form.NFD);
			case 8 -> "Nghe nói " + rumour + ", có thật không?";
			default -> capitalised(rumour) + " (nguồn: nhóm zalo khu phố)";
		};
	}

	private static String capitalised(String text) {
		return Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

	private static String withoutDiacritics(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "")
			.replace('đ', 'd')
			.replace('Đ', 'D');
	}

}
