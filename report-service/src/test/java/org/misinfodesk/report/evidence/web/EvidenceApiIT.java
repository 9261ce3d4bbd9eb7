package org.misinfodesk.report.evidence.web;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.misinfodesk.platform.test.Contracts;
import org.misinfodesk.report.RunningService;
import org.misinfodesk.report.evidence.EvidenceSamples;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.util.MultiValueMap;
import org.springframework.http.HttpEntity;
import org.springframework.web.reactive.function.BodyInserters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.misinfodesk.report.ReportBodies.aHealthRumour;
import static org.misinfodesk.report.evidence.EvidenceSamples.GPS_TRACE;

class EvidenceApiIT extends RunningService {

	static final String SUBMITTED = "org.misinfodesk.report.submitted.v1";

	@Autowired
	JsonMapper json;

	@Test
	void takesAReportWithFilesAndAnnouncesTheirDigestsInTheEvent() throws Exception {
		byte[] screenshot = EvidenceSamples.aScreenshotPng(800, 600);
		Submitted submitted = submitWithFiles(aHealthRumour(), Map.of("1-man-hinh.pdf", screenshot,
				"2-cong-van.pdf", EvidenceSamples.aPdf()));

		String event = recordOn("reports.submitted", submitted.id()).value();

		Contracts.assertValid(SUBMITTED, event);
		JsonNode evidence = this.json.readTree(event).get("evidence");
		assertThat(evidence).hasSize(2);
		assertThat(evidence.get(0).get("contentType").asString()).isEqualTo("image/png");
		assertThat(evidence.get(0).get("size").asLong()).isEqualTo(screenshot.length);
		assertThat(evidence.get(0).get("sha256").asString()).isEqualTo(sha256(screenshot));
		assertThat(evidence.get(1).get("contentType").asString()).isEqualTo("application/pdf");
	}

	@Test
	void leavesEvidenceOutOfTheEventOfAReportWithoutFiles() {
		Submitted submitted = submit(aHealthRumour());

		String event = recordOn("reports.submitted", submitted.id()).value();

		assertThat(event).doesNotContain("evidence");
	}

	@Test
	void givesAnalystsTheFileWithoutItsGpsPositionAndAThumbnail() throws Exception {
		Submitted submitted = submitWithFiles(aHealthRumour(), Map.of("IMG_0042.jpg", EvidenceSamples.aPhotoWithGpsExif()));
		String id = evidenceIds(submitted).get(0);

		byte[] file = this.web.get()
			.uri("/api/v1/evidence/{id}", id)
			.headers((headers) -> headers.setBasicAuth("analyst", "analyst"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType(MediaType.IMAGE_JPEG)
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();
		assertThat(new String(file, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(GPS_TRACE, "Exif");
		assertThat(ImageIO.read(new ByteArrayInputStream(file)).getWidth()).isEqualTo(64);

		byte[] thumbnail = this.web.get()
			.uri("/api/v1/evidence/{id}/thumbnail", id)
			.headers((headers) -> headers.setBasicAuth("supervisor", "supervisor"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType(MediaType.IMAGE_PNG)
			.expectHeader()
			.valueEquals("Evidence-Placeholder", "false")
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();
		assertThat(ImageIO.read(new ByteArrayInputStream(thumbnail)).getWidth()).isEqualTo(64);
	}

	@Test
	void shrinksLargeScreenshotsToThumbnailsOf320PixelsAtMost() throws Exception {
		Submitted submitted = submitWithFiles(aHealthRumour(), Map.of("tall.png", EvidenceSamples.aScreenshotPng(1080, 2400)));

		BufferedImage thumbnail = ImageIO.read(new ByteArrayInputStream(thumbnailOf(evidenceIds(submitted).get(0))));

		assertThat(thumbnail.getHeight()).isEqualTo(320);
		assertThat(thumbnail.getWidth()).isBetween(140, 148);
	}

	@Test
	void showsAGenericPictureForADocument() throws Exception {
		Submitted submitted = submitWithFiles(aHealthRumour(), Map.of("cong-van.pdf", EvidenceSamples.aPdf()));
		String id = evidenceIds(submitted).get(0);

		this.web.get()
			.uri("/api/v1/evidence/{id}/thumbnail", id)
			.headers((headers) -> headers.setBasicAuth("analyst", "analyst"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("Evidence-Placeholder", "true");
		this.web.get()
			.uri("/api/v1/evidence/{id}", id)
			.headers((headers) -> headers.setBasicAuth("analyst", "analyst"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PDF)
			.expectHeader()
			.valueMatches("Content-Security-Policy", "sandbox.*");
	}

	@Test
	void keepsEvidenceFromThePublicAndFromAccountsWithoutTheRole() {
		Submitted submitted = submitWithFiles(aHealthRumour(), Map.of("a.png", EvidenceSamples.aScreenshotPng(20, 20)));
		String id = evidenceIds(submitted).get(0);

		for (String path : List.of("/api/v1/evidence/{id}", "/api/v1/evidence/{id}/thumbnail")) {
			this.web.get()
				.uri(path, id)
				.exchange()
				.expectStatus()
				.isUnauthorized()
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.type").isEqualTo("https://misinfodesk.org/problems/unauthorized");
			this.web.get()
				.uri(path, id)
				.headers((headers) -> headers.setBasicAuth("analyst", "wrong"))
				.exchange()
				.expectStatus()
				.isUnauthorized();
			this.web.get()
				.uri(path, id)
				.headers((headers) -> headers.setBasicAuth("admin", "admin"))
				.exchange()
				.expectStatus()
				.isForbidden()
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		}
	}

	@Test
	void answersAnUnknownEvidenceIdWithANotFoundProblem() {
		for (String id : List.of("6a1f0c2e-4d7b-4b8e-9a3c-1f2d3e4a5b6c", "not-an-id")) {
			this.web.get()
				.uri("/api/v1/evidence/" + id)
				.headers((headers) -> headers.setBasicAuth("analyst", "analyst"))
				.exchange()
				.expectStatus()
				.isNotFound()
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		}
	}

	@Test
	void refusesAnExecutableNamedLikeAPhotoInTheRequestsLanguage() {
		this.web.post()
			.uri("/api/v1/reports?lang=en")
			.body(BodyInserters.fromMultipartData(multipart(aHealthRumour(), Map.of("anh.jpg", EvidenceSamples.anExecutable()))))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.errors[0].field").isEqualTo("evidence")
			.jsonPath("$.errors[0].code").isEqualTo("file-type-not-accepted")
			.jsonPath("$.errors[0].message").isEqualTo("The file \"anh.jpg\" is not a PNG, JPEG or WebP image or a PDF.");
	}

	@Test
	void refusesTheSixthFileAndAFileOneByteOverTheLimitWithClearMessages() {
		byte[] small = EvidenceSamples.aScreenshotPng(10, 10);
		Map<String, byte[]> six = new java.util.LinkedHashMap<>();
		for (int i = 1; i <= 6; i++) {
			six.put("anh-" + i + ".png", small);
		}
		this.web.post()
			.uri("/api/v1/reports")
			.body(BodyInserters.fromMultipartData(multipart(aHealthRumour(), six)))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].code").isEqualTo("too-many-files")
			.jsonPath("$.errors[0].message").isEqualTo("Chỉ được gửi tối đa 5 tệp; bạn đã chọn 6 tệp.");

		this.web.post()
			.uri("/api/v1/reports?lang=en")
			.body(BodyInserters.fromMultipartData(multipart(aHealthRumour(),
					Map.of("video.png", EvidenceSamples.ofSize(small, 10 * 1024 * 1024 + 1)))))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].code").isEqualTo("file-too-large")
			.jsonPath("$.errors[0].message").isEqualTo("The file \"video.png\" is larger than 10 MB. Send a smaller file, such as a screenshot.");
	}

	@Test
	void refusesAMultipartRequestWithoutItsReportPart() {
		MultipartBodyBuilder parts = new MultipartBodyBuilder();
		parts.part("evidence", new ByteArrayResource(EvidenceSamples.aPdf())).filename("a.pdf");
		this.web.post()
			.uri("/api/v1/reports")
			.body(BodyInserters.fromMultipartData(parts.build()))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.errors[0].field").isEqualTo("report");

		MultipartBodyBuilder broken = new MultipartBodyBuilder();
		broken.part("report", "{\"content\": ", MediaType.APPLICATION_JSON);
		this.web.post()
			.uri("/api/v1/reports")
			.body(BodyInserters.fromMultipartData(broken.build()))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.type").isEqualTo("https://misinfodesk.org/problems/malformed-request");
	}

	@Test
	void replaysARepeatedMultipartRequestAndRefusesTheSameKeyWithOtherFiles() {
		String key = java.util.UUID.randomUUID().toString();
		var first = multipart(aHealthRumour(), Map.of("a.png", EvidenceSamples.aScreenshotPng(30, 30)));
		String code = postWithKey(key, first).expectStatus().isCreated().expectBody(Submitted.class).returnResult()
			.getResponseBody().trackingCode();

		postWithKey(key, first).expectStatus()
			.isCreated()
			.expectHeader()
			.valueEquals("Idempotent-Replayed", "true")
			.expectBody()
			.jsonPath("$.trackingCode").isEqualTo(code);
		postWithKey(key, multipart(aHealthRumour(), Map.of("a.png", EvidenceSamples.aScreenshotPng(31, 30))))
			.expectStatus()
			.isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
	}

	private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec postWithKey(String key,
			MultiValueMap<String, HttpEntity<?>> body) {
		return this.web.post()
			.uri("/api/v1/reports")
			.header("Idempotency-Key", key)
			.body(BodyInserters.fromMultipartData(body))
			.exchange();
	}

	private Submitted submitWithFiles(Map<String, Object> report, Map<String, byte[]> files) {
		return this.web.post()
			.uri("/api/v1/reports")
			.body(BodyInserters.fromMultipartData(multipart(report, files)))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Submitted.class)
			.returnResult()
			.getResponseBody();
	}

	static MultiValueMap<String, HttpEntity<?>> multipart(Map<String, Object> report, Map<String, byte[]> files) {
		MultipartBodyBuilder parts = new MultipartBodyBuilder();
		parts.part("report", report, MediaType.APPLICATION_JSON);
		new java.util.TreeMap<>(files).forEach((name, bytes) -> parts.part("evidence", new ByteArrayResource(bytes))
			.filename(name)
			.contentType(MediaType.APPLICATION_OCTET_STREAM));
		return parts.build();
	}

	private List<String> evidenceIds(Submitted submitted) {
		String event = recordOn("reports.submitted", submitted.id()).value();
		List<String> ids = new java.util.ArrayList<>();
		this.json.readTree(event).get("evidence").forEach((file) -> ids.add(file.get("id").asString()));
		return ids;
	}

	private byte[] thumbnailOf(String id) {
		return this.web.get()
			.uri("/api/v1/evidence/{id}/thumbnail", id)
			.headers((headers) -> headers.setBasicAuth("analyst", "analyst"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();
	}

	private static String sha256(byte[] bytes) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
	}

}
