package org.misinfodesk.report.evidence;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.misinfodesk.platform.problem.FieldProblem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.misinfodesk.report.evidence.EvidenceSamples.GPS_TRACE;
import static org.misinfodesk.report.evidence.EvidenceSamples.aDecompressionBomb;
import static org.misinfodesk.report.evidence.EvidenceSamples.aPdf;
import static org.misinfodesk.report.evidence.EvidenceSamples.aPhotoWithGpsExif;
import static org.misinfodesk.report.evidence.EvidenceSamples.aPngWithTextChunk;
import static org.misinfodesk.report.evidence.EvidenceSamples.aScreenshotPng;
import static org.misinfodesk.report.evidence.EvidenceSamples.aWebpWithExif;
import static org.misinfodesk.report.evidence.EvidenceSamples.anExecutable;
import static org.misinfodesk.report.evidence.EvidenceSamples.ofSize;

class EvidenceChecksTest {

	static final int MIB = 1024 * 1024;

	final EvidenceChecks checks = new EvidenceChecks(EvidenceSettings.defaults());

	@Test
	void acceptsAPngRenamedToPdfAsThePngItIs() {
		EvidenceChecks.Checked checked = check(new Upload("bao-cao.pdf", aScreenshotPng(40, 30), false));

		assertThat(checked.problems()).isEmpty();
		assertThat(checked.files()).singleElement().satisfies((file) -> assertThat(file.kind()).isEqualTo(FileKind.PNG));
	}

	@Test
	void refusesAnExecutableRenamedToJpg() {
		assertThat(check(new Upload("anh-chup.jpg", anExecutable(), false)).problems())
			.containsExactly(FieldProblem.of("evidence", "file-type-not-accepted", "anh-chup.jpg"));
	}

	@Test
	void removesTheGpsPositionFromAPhotoAndKeepsThePicture() throws IOException {
		byte[] photo = aPhotoWithGpsExif();
		assertThat(contains(photo, GPS_TRACE)).as("the sample carries a GPS position").isTrue();
		assertThat(contains(photo, "Exif")).isTrue();

		CleanFile stored = check(new Upload("IMG_2024.jpg", photo, false)).files().get(0);

		assertThat(stored.kind()).isEqualTo(FileKind.JPEG);
		assertThat(contains(stored.bytes(), GPS_TRACE)).isFalse();
		assertThat(contains(stored.bytes(), "Exif")).isFalse();
		BufferedImage picture = ImageIO.read(new ByteArrayInputStream(stored.bytes()));
		assertThat(picture.getWidth()).isEqualTo(64);
		assertThat(picture.getHeight()).isEqualTo(48);
	}

	@Test
	void removesTextChunksFromAPngAndKeepsThePicture() throws IOException {
		CleanFile stored = check(new Upload("screenshot.png", aPngWithTextChunk(), false)).files().get(0);

		assertThat(contains(stored.bytes(), "Nokia")).isFalse();
		assertThat(contains(stored.bytes(), GPS_TRACE)).isFalse();
		assertThat(ImageIO.read(new ByteArrayInputStream(stored.bytes())).getWidth()).isEqualTo(40);
	}

	@Test
	void removesTheExifChunkOfAWebpAndClearsItsFlag() {
		byte[] webp = aWebpWithExif();

		CleanFile stored = check(new Upload("x.webp", webp, false)).files().get(0);

		assertThat(stored.kind()).isEqualTo(FileKind.WEBP);
		assertThat(contains(stored.bytes(), GPS_TRACE)).isFalse();
		assertThat(contains(stored.bytes(), "EXIF")).isFalse();
		assertThat(stored.bytes()[12 + 8] & 0x08).as("VP8X EXIF flag").isZero();
		int riffSize = (stored.bytes()[4] & 0xFF) | (stored.bytes()[5] & 0xFF) << 8 | (stored.bytes()[6] & 0xFF) << 16;
		assertThat(riffSize).isEqualTo(stored.bytes().length - 8);
	}

	@Test
	void keepsAPdfAsItCame() {
		CleanFile stored = check(new Upload("cong-van.pdf", aPdf(), false)).files().get(0);

		assertThat(stored.kind()).isEqualTo(FileKind.PDF);
		assertThat(stored.bytes()).isEqualTo(aPdf());
		assertThat(stored.sha256()).matches("[0-9a-f]{64}");
	}

	@Test
	void refusesTheSixthFile() {
		List<Upload> six = Collections.nCopies(6, new Upload("a.png", aScreenshotPng(10, 10), false));

		EvidenceChecks.Checked checked = this.checks.check(six);

		assertThat(checked.problems()).containsExactly(FieldProblem.of("evidence", "too-many-files", 5, 6));
		assertThat(checked.files()).isEmpty();
		assertThat(this.checks.check(six.subList(0, 5)).problems()).isEmpty();
	}

	@Test
	void refusesAFileOfTenMebibytesAndOneByteButNotOneOfTenMebibytes() {
		byte[] png = aScreenshotPng(10, 10);

		assertThat(check(new Upload("big.png", ofSize(png, 10 * MIB + 1), false)).problems())
			.containsExactly(FieldProblem.of("evidence", "file-too-large", "big.png", "10 MB"));
		assertThat(check(new Upload("cut-off.png", ofSize(png, 10 * MIB), true)).problems())
			.containsExactly(FieldProblem.of("evidence", "file-too-large", "cut-off.png", "10 MB"));
		// exactly at the limit it is kept, and what trails the image's end is not
		EvidenceChecks.Checked atLimit = check(new Upload("limit.png", ofSize(png, 10 * MIB), false));
		assertThat(atLimit.problems()).isEmpty();
		assertThat(atLimit.files().get(0).bytes()).isEqualTo(png);
	}

	@Test
	void refusesAnImageDeclaringTooManyPixelsWithoutDecodingIt() {
		assertThat(check(new Upload("bomb.png", aDecompressionBomb(), false)).problems())
			.containsExactly(FieldProblem.of("evidence", "image-too-large", "bomb.png"));
	}

	@Test
	void refusesTruncatedAndEmptyFiles() {
		byte[] photo = aPhotoWithGpsExif();
		byte[] truncated = java.util.Arrays.copyOf(photo, 40);

		assertThat(check(new Upload("half.jpg", truncated, false)).problems())
			.containsExactly(FieldProblem.of("evidence", "file-unreadable", "half.jpg"));
		assertThat(check(new Upload("empty.png", new byte[0], false)).problems())
			.containsExactly(FieldProblem.of("evidence", "file-empty", "empty.png"));
	}

	@Test
	void showsOnlyTheNameOfAFileNotItsPath() {
		assertThat(check(new Upload("C:\\Users\\lan\\virus.jpg", anExecutable(), false)).problems())
			.containsExactly(FieldProblem.of("evidence", "file-type-not-accepted", "virus.jpg"));
	}

	private EvidenceChecks.Checked check(Upload upload) {
		return this.checks.check(List.of(upload));
	}

	static boolean contains(byte[] bytes, String text) {
		return new String(bytes, StandardCharsets.ISO_8859_1).contains(text);
	}

}
