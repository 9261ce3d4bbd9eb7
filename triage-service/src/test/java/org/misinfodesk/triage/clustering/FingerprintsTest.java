package org.misinfodesk.triage.clustering;

import org.junit.jupiter.api.Test;
import org.misinfodesk.triage.cases.TextSignature;

import static org.assertj.core.api.Assertions.assertThat;

class FingerprintsTest {

	static final String RUMOUR = "Bài đăng trên Facebook nói rằng uống nước lá ổi chữa khỏi sốt xuất huyết trong 3 "
			+ "ngày, kêu gọi không đến bệnh viện.";

	final Fingerprints fingerprints = new Fingerprints(new ClusteringSettings(0.6, 3, 128, 32, 20, 5));

	@Test
	void foldingDropsTonesDiacriticsCaseAndPunctuation() {
		assertThat(TextFolding.fold("Đường dây LỪA ĐẢO, chiếm đoạt tiền!")).isEqualTo("duong day lua dao chiem doat tien");
	}

	@Test
	void rumourTypedWithoutDiacriticsOrInCapitalsHasTheSameSignature() {
		TextSignature original = this.fingerprints.sign(RUMOUR);
		TextSignature plain = this.fingerprints.sign("BAI DANG TREN FACEBOOK NOI RANG UONG NUOC LA OI CHUA KHOI SOT "
				+ "XUAT HUYET TRONG 3 NGAY KEU GOI KHONG DEN BENH VIEN");

		assertThat(original.similarity(plain)).isEqualTo(1.0);
		assertThat(this.fingerprints.bandKeys(original)).isEqualTo(this.fingerprints.bandKeys(plain)).hasSize(32);
	}

	@Test
	void slightlyRewordedRumourStaysAboveTheThresholdAndAnUnrelatedOneFarBelow() {
		TextSignature original = this.fingerprints.sign(RUMOUR);
		TextSignature reworded = this.fingerprints.sign("Bai dang tren Facebook noi rang uong nuoc la oi chua khoi sot "
				+ "xuat huyet trong 3 ngay, keu goi moi nguoi khong den benh vien.");
		TextSignature unrelated = this.fingerprints.sign("Tin nhắn mạo danh ngân hàng yêu cầu cập nhật thông tin tài "
				+ "khoản qua đường dẫn lạ để nhận quà tặng tri ân khách hàng.");

		assertThat(original.similarity(reworded)).isGreaterThanOrEqualTo(0.6);
		assertThat(original.similarity(unrelated)).isLessThan(0.2);
	}

	@Test
	void textWithoutWordsHasNoSignature() {
		assertThat(this.fingerprints.sign(" !!! ")).isNull();
	}

}
