package org.misinfodesk.bench.load;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Report submissions as a citizen writes them: about a kilobyte of Vietnamese text, a link, a platform, a
 * category hint and a locality, no files. Every text and link is different, so each report opens its own
 * case rather than joining a similar one.
 */
public final class ReportBodies {

	static final String[] WORDS = ("tin đồn bài đăng mạng xã hội nói rằng uống nước lá ổi chanh gừng tỏi chữa "
			+ "khỏi bệnh sốt xuất huyết cúm ung thư trong ba ngày không cần đến bệnh viện trạm y tế ngân hàng sập "
			+ "tiền gửi mất trắng rút ngay vàng giá tăng gấp đôi lừa đảo đường link trúng thưởng mạo danh công an "
			+ "gọi điện yêu cầu chuyển khoản bão lũ vỡ đê sơ tán khẩn cấp phường xã huyện tỉnh trường học nghỉ "
			+ "dịch bệnh vaccine gây vô sinh thực phẩm bẩn chợ siêu thị điện nước cắt người dân hoang mang chia "
			+ "sẻ hàng nghìn lượt bình luận cơ quan chức năng chưa xác nhận thông tin sai sự thật cần kiểm chứng "
			+ "nguồn tin ẩn danh video cắt ghép hình ảnh cũ năm ngoái lan truyền nhóm zalo phụ huynh học sinh "
			+ "giá xăng dầu tăng mạnh từ ngày mai thiếu gạo tích trữ hàng hóa đổ xô đi mua")
		.split(" ");

	static final String[] CATEGORIES = { "HEALTH", "SCAM", "ECONOMY_FINANCE", "DISASTER_EPIDEMIC", "SECURITY_ORDER",
			"IMPERSONATION", "POLICY_LAW", "OTHER" };

	static final String[] PLATFORMS = { "FACEBOOK", "ZALO", "TIKTOK", "YOUTUBE", "WEBSITE" };

	static final String[] LOCALITIES = { "HNA-PHU-LY", "HNA-DUY-TIEN", "HNA-KIM-BANG", "HNA-BINH-LUC",
			"HNA-THANH-LIEM", "HNA-LY-NHAN" };

	/** About this many bytes of UTF-8 text per report. */
	static final int CONTENT_BYTES = 1000;

	private final SplittableRandom random;

	private final String run;

	public ReportBodies(long seed, String run) {
		this.random = new SplittableRandom(seed);
		this.run = run;
	}

	/** The JSON body of report {@code sequence}. */
	public synchronized String next(long sequence) {
		StringBuilder content = new StringBuilder(1100);
		content.append("Phản ánh ").append(this.run).append('-').append(sequence).append(':');
		int bytes = content.toString().getBytes(StandardCharsets.UTF_8).length;
		while (bytes < CONTENT_BYTES) {
			String word = WORDS[this.random.nextInt(WORDS.length)];
			content.append(' ').append(word);
			bytes += 1 + word.getBytes(StandardCharsets.UTF_8).length;
		}
		content.append('.');
		String link = "https://www.facebook.com/groups/tin-nong-ha-nam/posts/" + this.run + sequence
				+ Long.toHexString(this.random.nextLong() & 0xffffffffL);
		return "{\"content\":\"" + content + "\",\"sourceUrl\":\"" + link + "\",\"platform\":\""
				+ PLATFORMS[(int) (sequence % PLATFORMS.length)] + "\",\"categoryHint\":\""
				+ CATEGORIES[(int) (sequence % CATEGORIES.length)] + "\",\"localityCode\":\""
				+ LOCALITIES[(int) (sequence % LOCALITIES.length)] + "\"}";
	}

}
