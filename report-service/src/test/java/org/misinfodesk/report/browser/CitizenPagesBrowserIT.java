package org.misinfodesk.report.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.misinfodesk.report.RunningService;
import org.misinfodesk.report.evidence.EvidenceSamples;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The form, its errors, the language switch and the status page in headless Chromium at a phone's
 * width. Screenshots of every page go to {@code target/screenshots/}.
 */
class CitizenPagesBrowserIT extends RunningService {

	static final Path SHOTS = Path.of("target", "screenshots");

	static final int PHONE_WIDTH = 412;

	static ChromeDriver browser;

	static Path profile;

	@LocalServerPort
	int port;

	@BeforeAll
	static void startBrowser() throws IOException {
		profile = Files.createTempDirectory("report-browser");
		ChromeOptions options = new ChromeOptions();
		options.setBinary("/usr/bin/chromium");
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--user-data-dir=" + profile, "--window-size=" + PHONE_WIDTH + ",915", "--lang=vi");
		// Vietnamese, as a phone in Vietnam asks for it
		options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "vi-VN,vi"));
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
	void sendsTheVietnameseFormWithAScreenshotAndShowsTheTrackingCodeThenTheStatusPage() throws IOException {
		browser.get(url("/"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Phản ánh tin giả, tin sai sự thật");
		browser.findElement(By.id("content"))
			.sendKeys("Bài đăng trên Facebook nói uống nước lá ổi chữa khỏi sốt xuất huyết, kêu gọi không đi viện.");
		browser.findElement(By.id("sourceUrl")).sendKeys("https://www.facebook.com/groups/123/posts/456?fbclid=abc");
		new Select(browser.findElement(By.id("platform"))).selectByValue("FACEBOOK");
		new Select(browser.findElement(By.id("categoryHint"))).selectByValue("HEALTH");
		new Select(browser.findElement(By.id("localityCode"))).selectByValue("HNA-PHU-LY");
		Path screenshot = Files.createTempFile(profile, "man-hinh-", ".png");
		Files.write(screenshot, EvidenceSamples.aScreenshotPng(720, 1280));
		browser.findElement(By.id("evidence")).sendKeys(screenshot.toAbsolutePath().toString());
		shoot("report-form");

		browser.findElement(By.id("submit")).click();

		WebElement code = waitFor(By.id("tracking-code"));
		assertThat(code.getText()).matches("[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}");
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Đã nhận phản ánh của bạn");
		shoot("report-received");
		String trackingCode = code.getText();

		browser.get(url("/track/" + trackingCode));
		assertThat(waitFor(By.id("current-status")).getText()).isEqualTo("Đã tiếp nhận");
		assertThat(browser.findElement(By.id("tracking-code")).getText()).isEqualTo(trackingCode);
		shoot("report-status");
	}

	@Test
	void showsTheErrorSummaryLinkedToEachFieldAndMovesFocusToIt() throws IOException {
		browser.get(url("/"));
		browser.findElement(By.id("content")).sendKeys("Tin đồn");
		browser.findElement(By.id("sourceUrl")).sendKeys("ftp://tin-don.example/video");

		browser.findElement(By.id("submit")).click();

		WebElement summary = waitFor(By.cssSelector(".error-summary"));
		assertThat(summary.getText()).contains("Có thông tin cần sửa", "Đường dẫn phải bắt đầu bằng http:// hoặc https://.");
		assertThat(browser.switchTo().activeElement()).isEqualTo(summary);
		assertThat(browser.findElement(By.id("sourceUrl-error")).getText())
			.isEqualTo("Đường dẫn phải bắt đầu bằng http:// hoặc https://.");
		assertThat(browser.findElement(By.id("content")).getAttribute("value")).isEqualTo("Tin đồn");
		shoot("report-errors");

		summary.findElement(By.cssSelector("a[href='#sourceUrl']")).click();
		assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("sourceUrl");
	}

	@Test
	void checksTheFormInTheBrowserBeforeSendingIt() {
		browser.get(url("/?lang=en"));

		browser.findElement(By.id("submit")).click();

		WebElement summary = waitFor(By.cssSelector(".error-summary"));
		assertThat(summary.getText()).contains("There is a problem", "This field is required.");
		assertThat(browser.getCurrentUrl()).isEqualTo(url("/?lang=en"));
	}

	@Test
	void switchesToEnglishKeepingWhatWasTyped() throws IOException {
		browser.get(url("/"));
		browser.findElement(By.id("content")).sendKeys("Ảnh chế về giá xăng tăng gấp đôi từ ngày mai.");
		new Select(browser.findElement(By.id("localityCode"))).selectByValue("HNA-DUY-TIEN");

		browser.findElement(By.id("switch-language")).click();

		waitFor(By.cssSelector("html[lang='en']"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Report false or distorted information");
		assertThat(browser.findElement(By.id("content")).getAttribute("value"))
			.isEqualTo("Ảnh chế về giá xăng tăng gấp đôi từ ngày mai.");
		assertThat(new Select(browser.findElement(By.id("localityCode"))).getFirstSelectedOption().getText())
			.isEqualTo("Phường Duy Tiên");
		shoot("report-form-en");
	}

	@Test
	void canBeFilledInWithTheKeyboardAlone() {
		browser.get(url("/"));
		List<String> order = List.of("content", "sourceUrl", "platform", "categoryHint", "localityCode", "seenAt",
				"evidence");
		browser.findElement(By.id("content")).click();
		List<String> visited = new ArrayList<>(List.of("content"));
		// a date-time field takes several Tab presses (day, month, year, hour, minute)
		for (int press = 0; press < 20 && visited.size() < order.size(); press++) {
			browser.switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.TAB);
			String focused = browser.switchTo().activeElement().getAttribute("id");
			if (!focused.equals(visited.get(visited.size() - 1))) {
				visited.add(focused);
			}
		}
		assertThat(visited).isEqualTo(order);
	}

	private String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

	private static WebElement waitFor(By locator) {
		return new WebDriverWait(browser, Duration.ofSeconds(30))
			.until(ExpectedConditions.visibilityOfElementLocated(locator));
	}

	/** The whole page at a phone's width. */
	private static void shoot(String name) throws IOException {
		long height = (Long) ((JavascriptExecutor) browser)
			.executeScript("return document.documentElement.scrollHeight;");
		browser.manage().window().setSize(new Dimension(PHONE_WIDTH, (int) Math.min(height + 20, 4000)));
		((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0);");
		Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
		Files.copy(shot, SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
		browser.manage().window().setSize(new Dimension(PHONE_WIDTH, 915));
	}

}
