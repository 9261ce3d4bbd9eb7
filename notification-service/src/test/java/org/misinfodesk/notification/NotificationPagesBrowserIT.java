package org.misinfodesk.notification;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The agency's acknowledgement page, reached from the link in the email it received, and the
 * administrators' page behind its login, in headless Chromium under the platform's
 * Content-Security-Policy. Screenshots go to {@code target/screenshots/}.
 */
class NotificationPagesBrowserIT extends RunningService {

	static final Path SHOTS = Path.of("target", "screenshots");

	static final Pattern EMAILED_LINK = Pattern.compile("href=\"(" + Pattern.quote(ACK_BASE) + "[A-Za-z0-9_-]{43})\"");

	static ChromeDriver browser;

	static Path profile;

	@BeforeAll
	static void startBrowser() throws IOException {
		profile = Files.createTempDirectory("notification-browser");
		ChromeOptions options = new ChromeOptions();
		options.setBinary("/usr/bin/chromium");
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--user-data-dir=" + profile, "--window-size=1200,1500", "--lang=vi");
		options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "vi-VN,vi"));
		// The console is where the browser reports what the Content-Security-Policy refused.
		options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
			.build();
		browser = new ChromeDriver(service, options);
		Files.createDirectories(SHOTS);
	}

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void anAgencyFollowsTheEmailedLinkAcknowledgesAndThenReportsTheOutcome() throws IOException {
		String caseId = RoutedCaseEvents.newCaseId();
		publishRouted(caseId, RoutedCaseEvents.routedTo(caseId, "ubnd-phuong-phu-ly", "Ủy ban nhân dân phường Phủ Lý"));
		await().atMost(PATIENCE).until(() -> emailsAbout(caseId).size() == 1);
		Matcher link = EMAILED_LINK.matcher(htmlOf(emailsAbout(caseId).get(0)));
		assertThat(link.find()).as("the HTML email links to the acknowledgement page").isTrue();
		String token = link.group(1).substring(ACK_BASE.length());

		browser.get(link.group(1));

		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Đề nghị xác minh, xử lý vụ việc");
		assertThat(browser.findElement(By.tagName("body")).getText()).contains(caseId)
			.contains("Kính gửi: Ủy ban nhân dân phường Phủ Lý")
			.contains(RoutedCaseEvents.EXAMPLE_SUMMARY);
		assertStyledByTheServedStylesheet(By.cssSelector(".summary"), "rgba(176, 0, 32, 1)");
		browser.findElement(By.id("note")).sendKeys("Đã tiếp nhận, giao Công an phường xác minh.");
		browser.findElement(By.id("acknowledge")).click();

		WebElement acknowledged = waitFor(By.id("acknowledged"));
		assertThat(acknowledged.getText()).contains("Quý cơ quan đã xác nhận tiếp nhận vụ việc lúc")
			.contains("Đã tiếp nhận, giao Công an phường xác minh.");
		assertThat(browser.findElements(By.id("acknowledge-form"))).isEmpty();
		shoot("notification-acknowledge");

		browser.findElement(By.id("outcome-CORRECTED")).click();
		browser.findElement(By.id("outcome-note"))
			.sendKeys("UBND phường Phủ Lý đã đăng thông tin cải chính trên cổng thông tin điện tử của phường.");
		browser.findElement(By.id("report-outcome")).click();

		WebElement outcome = waitFor(By.id("outcome"));
		assertThat(outcome.getText()).contains("Quý cơ quan đã báo cáo kết quả xử lý lúc")
			.contains("Cơ quan chức năng đã đăng tải thông tin cải chính.")
			.contains("UBND phường Phủ Lý đã đăng thông tin cải chính trên cổng thông tin điện tử của phường.");
		assertThat(browser.findElements(By.id("outcome-form"))).isEmpty();
		shoot("notification-outcome");
		assertNothingRefusedByTheContentSecurityPolicy();

		JsonNode recorded = json.readTree(this.web.post()
			.uri("/api/v1/acknowledgements/{token}/outcome", token)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("outcome", "REMOVED"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBody());
		assertThat(recorded.get("outcome").asString()).isEqualTo("CORRECTED");
		assertThat(recorded.get("note").asString()).isEqualTo("Đã tiếp nhận, giao Công an phường xác minh.");
		assertThat(recorded.get("outcomeNote").asString())
			.isEqualTo("UBND phường Phủ Lý đã đăng thông tin cải chính trên cổng thông tin điện tử của phường.");
	}

	@Test
	void aMistypedLinkShowsAPageSayingWhomToContact() throws IOException {
		browser.get(ACK_BASE + "C".repeat(43));

		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Không tìm thấy đường dẫn xác nhận");
		assertThat(browser.findElement(By.id("contact")).getText()).contains("bandvh.hdnd@hanam.gov.vn");
		assertStyledByTheServedStylesheet(By.id("unavailable"), "rgba(176, 0, 32, 1)");
		shoot("notification-link-unknown");
		assertNothingRefusedByTheContentSecurityPolicy();
	}

	@Test
	void anAdminLogsInManagesContactPointsAndEndpointsAndSendsAFailedDeliveryAgain() throws IOException {
		String url = receiver.newUrl();
		String endpointId = registerWebhook("so-tai-chinh", url).get("id").asString();
		// 410 Gone: the delivery fails at once and the endpoint is disabled, with no timing to race.
		receiver.answer(url, 410);
		String caseId = RoutedCaseEvents.newCaseId();
		publishRouted(caseId, RoutedCaseEvents.routedTo(caseId, "so-tai-chinh", "Sở Tài chính tỉnh Hà Nam"));
		await().atMost(PATIENCE).until(() -> "FAILED".equals(webhookDeliveryTo(caseId, url).path("state").asString()));
		String deliveryId = webhookDeliveryTo(caseId, url).get("id").asString();

		browser.get(BASE_URL + "/admin");
		waitFor(By.id("username")).sendKeys("admin");
		browser.findElement(By.id("password")).sendKeys("admin");
		browser.findElement(By.id("login")).click();

		waitFor(By.id("agencies"));
		assertThat(browser.getCurrentUrl()).isEqualTo(BASE_URL + "/admin");
		assertThat(browser.findElement(By.cssSelector("#" + endpointId + " .DISABLED")).getText()).isEqualTo("DISABLED (GONE)");
		clickIn(endpointId, "Bật lại");
		assertThat(waitForText(By.cssSelector("#" + endpointId + " .ENABLED"), "ENABLED")).isTrue();
		assertStyledByTheServedStylesheet(By.cssSelector("#" + endpointId + " .ENABLED"), "rgba(30, 126, 52, 1)");
		String address = "vanthu." + caseId.substring(2, 10) + "@stc.hanam.gov.vn";
		browser.findElement(By.id("new-email-so-tai-chinh")).sendKeys(address);
		browser.findElement(By.id("add-email-so-tai-chinh")).click();
		WebElement added = waitFor(contactPoint("so-tai-chinh", address));
		assertThat(added.findElement(By.className("ENABLED")).getText()).isEqualTo("ENABLED");

		clickIn(endpointId, "Tạm dừng");
		assertThat(waitForText(By.cssSelector("#" + endpointId + " .DISABLED"), "DISABLED (BY_ADMIN)")).isTrue();
		assertThat(endpointState("so-tai-chinh", endpointId)).isEqualTo("DISABLED");
		clickIn(endpointId, "Bật lại");
		assertThat(waitForText(By.cssSelector("#" + endpointId + " .ENABLED"), "ENABLED")).isTrue();
		assertThat(endpointState("so-tai-chinh", endpointId)).isEqualTo("ENABLED");

		WebElement failed = browser.findElement(By.id(deliveryId));
		assertThat(failed.getText()).contains(caseId).contains(url);
		shoot("notification-admin");
		clickIn(deliveryId, "Gửi lại");

		await().atMost(PATIENCE).until(() -> "DELIVERED".equals(webhookDeliveryTo(caseId, url).path("state").asString()));
		List<WebhookReceiver.Request> requests = receiver.received(url);
		assertThat(requests).hasSize(2);
		assertThat(requests).extracting((request) -> request.header("webhook-id")).containsOnly(requests.get(0).header("webhook-id"));
		browser.navigate().refresh();
		waitFor(By.id("agencies"));
		assertThat(browser.findElements(By.id(deliveryId))).isEmpty();

		browser.findElement(contactPoint("so-tai-chinh", address)).findElement(By.className("delete")).click();
		Alert question = new WebDriverWait(browser, PATIENCE).until(ExpectedConditions.alertIsPresent());
		assertThat(question.getText()).isEqualTo("Xóa điểm nhận thư " + address + "?");
		question.dismiss();
		assertThat(browser.findElements(contactPoint("so-tai-chinh", address))).hasSize(1);
		WebElement delete = browser.findElement(contactPoint("so-tai-chinh", address)).findElement(By.className("delete"));
		delete.click();
		new WebDriverWait(browser, PATIENCE).until(ExpectedConditions.alertIsPresent()).accept();
		new WebDriverWait(browser, PATIENCE).until(ExpectedConditions.stalenessOf(delete));
		waitFor(By.id("agencies"));
		assertThat(browser.findElements(contactPoint("so-tai-chinh", address))).isEmpty();
		assertNothingRefusedByTheContentSecurityPolicy();
		// The endpoint answers now: other tests of the shared service must not find it among the agency's.
		this.web.delete()
			.uri("/api/v1/agencies/so-tai-chinh/webhooks/{id}", endpointId)
			.headers((headers) -> headers.setBasicAuth("admin", "admin"))
			.exchange()
			.expectStatus()
			.isNoContent();
	}

	/** Clicks the button in the element with this id, and waits for the page it leads to. */
	private static void clickIn(String id, String label) {
		WebElement button = browser.findElement(By.id(id)).findElement(By.tagName("button"));
		assertThat(button.getText()).isEqualTo(label);
		button.click();
		new WebDriverWait(browser, PATIENCE).until(ExpectedConditions.stalenessOf(button));
		waitFor(By.id("agencies"));
	}

	private static By contactPoint(String agencyId, String address) {
		return By.xpath("//tr[@id='agency-" + agencyId + "']//div[@class='contact'][span[@class='email' and text()='"
				+ address + "']]");
	}

	private static boolean waitForText(By locator, String text) {
		return new WebDriverWait(browser, PATIENCE).until(ExpectedConditions.textToBe(locator, text));
	}

	/** The page's look comes from {@code /css/notification.css}, loaded under the policy without a login. */
	private static void assertStyledByTheServedStylesheet(By locator, String color) {
		WebElement element = browser.findElement(locator);
		String property = element.getTagName().equals("p") ? "border-left-color" : "color";
		assertThat(element.getCssValue(property)).isEqualTo(color);
	}

	private static void assertNothingRefusedByTheContentSecurityPolicy() {
		List<String> refused = browser.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.map(LogEntry::getMessage)
			.filter((message) -> message.contains("Content Security Policy") || message.contains("Refused to"))
			.toList();
		assertThat(refused).isEmpty();
	}

	private String endpointState(String agencyId, String id) {
		return this.web.get()
			.uri("/api/v1/agencies/{agencyId}/webhooks/{id}", agencyId, id)
			.headers((headers) -> headers.setBasicAuth("admin", "admin"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody()
			.get("state")
			.asString();
	}

	private JsonNode webhookDeliveryTo(String caseId, String url) {
		return deliveriesOf(caseId).valueStream()
			.filter((delivery) -> delivery.get("channel").asString().equals("WEBHOOK")
					&& delivery.get("target").get("url").asString().equals(url))
			.findFirst()
			.orElse(MissingNode.getInstance());
	}

	private static WebElement waitFor(By locator) {
		return new WebDriverWait(browser, PATIENCE).until(ExpectedConditions.visibilityOfElementLocated(locator));
	}

	private static void shoot(String name) throws IOException {
		Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
		Files.copy(shot, SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
	}

}
