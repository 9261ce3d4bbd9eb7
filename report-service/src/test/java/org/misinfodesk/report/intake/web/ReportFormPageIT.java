package org.misinfodesk.report.intake.web;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.misinfodesk.report.RunningService;
import org.misinfodesk.report.evidence.EvidenceSamples;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

import static org.assertj.core.api.Assertions.assertThat;

class ReportFormPageIT extends RunningService {

	static final Pattern TRACKING_CODE = Pattern.compile("id=\"tracking-code\">([2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4})<");

	@Autowired
	ReactiveMongoTemplate mongo;

	@Test
	void showsAnAccessibleVietnameseFormByDefault() {
		String page = page("/");

		assertThat(page).contains("<html lang=\"vi\">")
			.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
			.contains("<h1>Phản ánh tin giả, tin sai sự thật</h1>")
			.contains("<form id=\"report-form\" method=\"post\" action=\"/reports?lang=vi\" enctype=\"multipart/form-data\" novalidate")
			.containsPattern("<input type=\"hidden\" name=\"_csrf\" value=\"[\\w-]+\">")
			.contains("<optgroup label=\"Tỉnh Hà Nam\">")
			.contains("<option value=\"HNA\">Toàn Tỉnh Hà Nam</option>")
			.contains("<option value=\"HNA-PHU-LY\">Phường Phủ Lý</option>")
			.contains("<input type=\"file\" id=\"evidence\" name=\"evidence\" multiple")
			.contains("<input type=\"text\" id=\"website\" name=\"website\" tabindex=\"-1\" autocomplete=\"off\">")
			.contains("<script src=\"/js/report-form.js\" defer></script>")
			.contains("<label for=\"content\">Bạn đã thấy thông tin gì?</label>")
			.containsPattern("<textarea id=\"content\" name=\"content\" rows=\"8\" required\\s+maxlength=\"10000\" aria-describedby=\"content-hint\">")
			.contains("<label for=\"sourceUrl\">")
			.contains("<option value=\"HEALTH\">Y tế, sức khỏe, sản phẩm y tế</option>")
			.contains("<option value=\"ZALO\">Zalo</option>")
			.contains("type=\"datetime-local\" id=\"seenAt\" name=\"seenAt\"")
			.contains("<input type=\"checkbox\" id=\"contactConsent\" name=\"contactConsent\" value=\"true\">")
			.containsPattern("<input type=\"hidden\" name=\"idempotencyKey\" value=\"[0-9a-f-]{36}\">")
			.contains("formaction=\"/reports/draft?lang=en\" formnovalidate lang=\"en\">English</button>")
			.doesNotContain("role=\"alert\"");
	}

	@Test
	void showsTheFormInEnglishWithASwitchBackToVietnamese() {
		String page = page("/?lang=en");

		assertThat(page).contains("<html lang=\"en\">")
			.contains("<h1>Report false or distorted information</h1>")
			.contains("<option value=\"SCAM\">Scams and phishing links</option>")
			.contains("action=\"/reports?lang=en\"")
			.contains("formaction=\"/reports/draft?lang=vi\" formnovalidate lang=\"vi\">Tiếng Việt</button>");
	}

	@Test
	void switchesToEnglishKeepingWhatWasTyped() {
		MultiValueMap<String, String> form = aFilledInForm();
		String typed = "Tin đồn chưa gửi " + UUID.randomUUID();
		form.set("content", typed);

		String page = post("/reports/draft?lang=en", form, HttpStatus.OK);

		assertThat(page).contains("<html lang=\"en\">")
			.contains(typed)
			.contains("value=\"https://zalo.me/g/abcdef\"")
			.contains("<option value=\"HNA-KIM-BANG\" selected=\"selected\">Phường Kim Bảng</option>")
			.contains("value=\"" + form.getFirst("idempotencyKey") + "\"")
			.doesNotContain("role=\"alert\"");
		assertThat(this.mongo.count(Query.query(Criteria.where("content").is(typed)), "reports").block())
			.as("switching language sends nothing").isZero();
	}

	@Test
	void takesAScreenshotAttachedToTheForm() {
		FormToken token = formToken(this.web);
		MultipartBodyBuilder parts = new MultipartBodyBuilder();
		aFilledInForm().forEach((name, values) -> values.forEach((value) -> parts.part(name, value)));
		parts.part("_csrf", token.field());
		parts.part("evidence", new ByteArrayResource(EvidenceSamples.aPhotoWithGpsExif())).filename("IMG_0042.jpg");

		String page = this.web.post()
			.uri("/reports")
			.cookie(FormToken.COOKIE, token.cookie())
			.body(BodyInserters.fromMultipartData(parts.build()))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();

		Document stored = storedReport(trackingCodeIn(page));
		assertThat(stored.getList("evidence", Document.class)).singleElement()
			.satisfies((file) -> assertThat(file.getString("contentType")).isEqualTo("image/jpeg"));
	}

	@Test
	void refusesAFormWhoseHiddenHoneypotFieldWasFilledIn() {
		MultiValueMap<String, String> form = aFilledInForm();
		form.add("website", "http://cheap-pills.example");
		MultiValueMap<String, String> body = withToken(form);

		this.web.post()
			.uri("/reports?lang=en")
			.cookie(FormToken.COOKIE, this.lastToken.cookie())
			.body(BodyInserters.fromFormData(body))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type").isEqualTo("https://misinfodesk.org/problems/suspected-automation");
	}

	@Test
	void refusesAFormPostedWithoutItsTokenAsFromAnotherSite() {
		this.web.post()
			.uri("/reports")
			.body(BodyInserters.fromFormData(aFilledInForm()))
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type").isEqualTo("https://misinfodesk.org/problems/form-expired")
			.jsonPath("$.title").isEqualTo("Biểu mẫu đã hết hạn");
	}

	@Test
	void sendsAReportAndShowsItsTrackingCodeAndWhatHappensNext() {
		MultiValueMap<String, String> form = aFilledInForm();

		String page = post("/reports", form, HttpStatus.OK);

		String code = trackingCodeIn(page);
		assertThat(page).contains("<html lang=\"vi\">")
			.contains("Đã nhận phản ánh của bạn")
			.contains("Điều gì sẽ xảy ra tiếp theo")
			.contains("<a href=\"/track/" + code + "?lang=vi\">Xem trạng thái phản ánh</a>");
		Document stored = storedReport(code);
		assertThat(stored.getString("platform")).isEqualTo("FACEBOOK");
		// 08:30 typed into the form is Vietnam time
		assertThat(stored.getDate("seenAt").toInstant()).hasToString("2026-11-27T01:30:00Z");
		assertThat(stored).doesNotContainKey("contact");
	}

	@Test
	void showsTheStatusPageOfTheReportItTookIn() {
		String code = trackingCodeIn(post("/reports?lang=en", aFilledInForm(), HttpStatus.OK));

		String page = page("/track/" + code + "?lang=en");

		assertThat(page).contains("<html lang=\"en\">")
			.contains("<h1>Report status</h1>")
			.contains("id=\"tracking-code\">" + code + "<")
			.contains("<strong>Received</strong>")
			.containsPattern("<time datetime=\"[^\"]+Z\">\\d\\d:\\d\\d \\d\\d/\\d\\d/\\d{4}</time>")
			.contains("<a href=\"/track/" + code + "?lang=vi\" lang=\"vi\" hreflang=\"vi\">Tiếng Việt</a>");
	}

	@Test
	void keepsTheContactOfAReporterWhoTickedConsent() {
		MultiValueMap<String, String> form = aFilledInForm();
		form.add("reporter-name", "Lê Thu Hà");
		form.add("reporter-email", "thuha@example.vn");
		form.add("contactConsent", "true");

		String code = trackingCodeIn(post("/reports", form, HttpStatus.OK));

		Document stored = storedReport(code);
		assertThat(stored.get("contact", Document.class).getString("ciphertext")).isNotBlank();
		assertThat(stored.toJson()).doesNotContain("thuha", "Thu Hà");
	}

	@Test
	void showsTheErrorSummaryAndFieldMessagesForAnEmptyForm() {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("content", "");
		form.add("idempotencyKey", UUID.randomUUID().toString());

		String page = post("/reports", form, HttpStatus.BAD_REQUEST);

		assertThat(page).contains("<div class=\"error-summary\" role=\"alert\" tabindex=\"-1\" aria-labelledby=\"error-summary-title\">")
			.contains("<h2 id=\"error-summary-title\">Có thông tin cần sửa</h2>")
			.contains("<li><a href=\"#content\">Trường này là bắt buộc.</a></li>")
			.contains("<p id=\"content-error\" class=\"error-message\">Trường này là bắt buộc.</p>")
			.contains("aria-invalid=\"true\" aria-describedby=\"content-hint content-error\"");
	}

	@Test
	void bringsBackWhatWasTypedEscapedWithEveryErrorLinkedToItsField() {
		MultiValueMap<String, String> form = aFilledInForm();
		form.set("content", "<script>alert('x')</script> tin giả");
		form.set("sourceUrl", "ftp://example.vn/\"><b>x</b>");
		form.set("platform", "ZALO");
		form.add("reporter-email", "not-an-email");
		form.add("contactConsent", "true");

		String page = post("/reports?lang=en", form, HttpStatus.BAD_REQUEST);

		assertThat(page).contains("<h2 id=\"error-summary-title\">There is a problem</h2>")
			.contains("<li><a href=\"#sourceUrl\">The link must start with http:// or https://.</a></li>")
			.contains("<li><a href=\"#reporter-email\">Not a valid email address.</a></li>")
			.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; tin giả")
			.contains("value=\"ftp://example.vn/&quot;&gt;&lt;b&gt;x&lt;/b&gt;\"")
			.contains("<option value=\"ZALO\" selected=\"selected\">Zalo</option>")
			.contains("value=\"2026-11-27T08:30\"")
			.contains("value=\"not-an-email\"")
			.contains("id=\"contactConsent\" name=\"contactConsent\" value=\"true\" checked=\"checked\"")
			.doesNotContain("<script>", "<b>x</b>");
	}

	@Test
	void makesOneReportOfTheSameFormSentTwice() {
		MultiValueMap<String, String> form = aFilledInForm();

		String first = trackingCodeIn(post("/reports", form, HttpStatus.OK));
		String again = trackingCodeIn(post("/reports", form, HttpStatus.OK));

		assertThat(again).isEqualTo(first);
	}

	@Test
	void makesANewReportWhenASentFormIsChangedAndSentAgain() {
		MultiValueMap<String, String> form = aFilledInForm();
		String first = trackingCodeIn(post("/reports", form, HttpStatus.OK));
		form.set("content", form.getFirst("content") + " Đã có thêm nhiều người chia sẻ.");

		String second = trackingCodeIn(post("/reports", form, HttpStatus.OK));

		assertThat(second).isNotEqualTo(first);
	}

	@Test
	void leadsACodeTypedAnyHowToItsStatusPage() {
		String code = trackingCodeIn(post("/reports", aFilledInForm(), HttpStatus.OK));

		this.web.get()
			.uri("/track?code={code}&lang=en", code.replace("-", "").toLowerCase())
			.exchange()
			.expectStatus()
			.isSeeOther()
			.expectHeader()
			.location("/track/" + code + "?lang=en");
	}

	@Test
	void saysPlainlyWhenNoReportHasTheCode() {
		String page = this.web.get()
			.uri("/track/ZZZZ-ZZZZ")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();

		assertThat(page).contains("<h1>Không tìm thấy phản ánh</h1>").contains("<label for=\"code\">Mã tra cứu</label>");
	}

	private static MultiValueMap<String, String> aFilledInForm() {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("content", "Tin nhắn Zalo mạo danh UBND xã yêu cầu người dân chuyển tiền để nhận hỗ trợ lũ lụt.");
		form.add("sourceUrl", "https://zalo.me/g/abcdef");
		form.add("platform", "FACEBOOK");
		form.add("categoryHint", "SCAM");
		form.add("localityCode", "HNA-KIM-BANG");
		form.add("seenAt", "2026-11-27T08:30");
		form.add("idempotencyKey", UUID.randomUUID().toString());
		return form;
	}

	private String page(String uri) {
		return this.web.get()
			.uri(uri)
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	private FormToken lastToken;

	private MultiValueMap<String, String> withToken(MultiValueMap<String, String> form) {
		this.lastToken = formToken(this.web);
		MultiValueMap<String, String> withToken = new LinkedMultiValueMap<>(form);
		withToken.set("_csrf", this.lastToken.field());
		return withToken;
	}

	private String post(String uri, MultiValueMap<String, String> form, HttpStatus expected) {
		MultiValueMap<String, String> body = withToken(form);
		return this.web.post()
			.uri(uri)
			.accept(MediaType.TEXT_HTML)
			.cookie(FormToken.COOKIE, this.lastToken.cookie())
			.body(BodyInserters.fromFormData(body))
			.exchange()
			.expectStatus()
			.isEqualTo(expected)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	/** What a browser holds after showing the form: the token cookie, and the token in the form's hidden field. */
	static FormToken formToken(org.springframework.test.web.reactive.server.WebTestClient web) {
		var result = web.get().uri("/").exchange().expectStatus().isOk().expectBody(String.class).returnResult();
		Matcher field = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(result.getResponseBody());
		assertThat(field.find()).as("a CSRF field in the form").isTrue();
		return new FormToken(result.getResponseCookies().getFirst(FormToken.COOKIE).getValue(), field.group(1));
	}

	record FormToken(String cookie, String field) {

		static final String COOKIE = "XSRF-TOKEN";

	}

	private static String trackingCodeIn(String page) {
		Matcher matcher = TRACKING_CODE.matcher(page);
		assertThat(matcher.find()).as("a tracking code on the page").isTrue();
		return matcher.group(1);
	}

	private Document storedReport(String code) {
		return this.mongo.findOne(Query.query(Criteria.where("trackingCode").is(code)), Document.class, "reports")
			.block();
	}

}
