package org.misinfodesk.triage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.misinfodesk.platform.test.CloudEventRecords;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The analyst's and the supervisor's pages in headless Chromium, with the platform's strict
 * content security policy in force. Screenshots go to {@code target/screenshots/}.
 */
class BrowserIT extends RunningTriageService {

	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	static WebDriver browser;

	static Path profile;

	@BeforeAll
	static void startBrowser() throws IOException {
		profile = Files.createTempDirectory("triage-chromium");
		ChromeOptions options = new ChromeOptions();
		options.setBinary("/usr/bin/chromium");
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
				"--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--window-size=1400,1100", "--lang=vi", "--user-data-dir=" + profile);
		options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "vi,en"));
		options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new java.io.File("/usr/bin/chromedriver"))
			.usingAnyFreePort()
			.build();
		browser = new ChromeDriver(service, options);
		Files.createDirectories(SCREENSHOTS);
	}

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void analystSeesANewReportArriveWithoutReloadingThenClaimsAndRoutesIt() throws IOException {
		logIn(ANALYST);
		WebElement live = waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("live")));
		assertThat(live.getText()).contains("Đang cập nhật trực tiếp");
		Object pageMark = mark();

		String reportId = freshReportId();
		// Without evidence: the stand-in for report-service here has no files to show.
		tools.jackson.databind.node.ObjectNode report = (tools.jackson.databind.node.ObjectNode) json
			.readTree(ReportEvents.aHealthRumour(reportId));
		report.putArray("evidence");
		send(CloudEventRecords.of("reports.submitted", ReportEvents.TYPE, reportId, report.toString()));
		String caseId = "c-" + reportId;
		WebElement row = waitFor()
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-id='" + caseId + "']")));
		assertThat(mark()).as("the queue page was not reloaded").isEqualTo(pageMark);
		assertThat(row.getText()).contains("Bài đăng trên Facebook").contains("Mới");
		screenshot("triage-queue.png");

		row.findElement(By.tagName("a")).click();
		waitFor().until(ExpectedConditions.urlContains("/cases/" + caseId));
		browser.findElement(By.id("claim")).click();
		waitFor().until(ExpectedConditions.textToBe(By.id("status"), "Đang xem xét"));
		new Select(browser.findElement(By.id("verdict"))).selectByValue("FAKE");
		new Select(browser.findElement(By.id("category"))).selectByValue("HEALTH");
		new Select(browser.findElement(By.id("severity"))).selectByValue("HIGH");
		browser.findElement(By.id("publicNote")).sendKeys(Decisions.PUBLIC_NOTE);
		browser.findElement(By.id("decide")).click();

		waitFor().until(ExpectedConditions.textToBe(By.id("status"), "Đã chuyển cơ quan"));
		((org.openqa.selenium.JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0);");
		screenshot("triage-case.png");
		assertThat(browser.getPageSource()).contains("Sở Y tế tỉnh Hà Nam");
		assertThat(caseOf(caseId).get("status").asString()).isEqualTo("ROUTED");
		assertThat(errors()).isEmpty();
	}

	@Test
	void supervisorSeesTheDashboardWithItsChartsDrawn() throws IOException {
		String[][] reports = { { "HEALTH", "HNA-PHU-LY" }, { "SCAM", "HNA-DUY-TIEN" }, { "SCAM", "HNA-KIM-BANG" },
				{ "ECONOMY_FINANCE", "HNA-PHU-LY" }, { "POLICY_LAW", "HNA-THANH-LIEM" } };
		for (String[] report : reports) {
			String reportId = freshReportId();
			submit(ReportEvents.aReportOn(reportId, java.time.Instant.now(), report[0], report[1],
					"https://example.org/dashboard/" + reportId));
		}
		logIn(SUPERVISOR);
		errors();

		browser.get(url("/dashboard"));
		for (String chart : List.of("chart-days", "chart-categories", "chart-localities", "chart-statuses",
				"chart-agencies")) {
			waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#" + chart + " canvas")));
		}
		assertThat(browser.findElement(By.cssSelector("#chart-days canvas")).getSize().getHeight()).isPositive();
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Bảng theo dõi xử lý tin báo");
		screenshot("triage-dashboard.png");
		assertThat(errors()).isEmpty();
	}

	private void logIn(String user) {
		browser.get(url("/login"));
		browser.manage().deleteAllCookies();
		browser.get(url("/login"));
		browser.findElement(By.id("username")).sendKeys(user);
		browser.findElement(By.id("password")).sendKeys(user);
		browser.findElement(By.cssSelector("form button[type=submit]")).click();
		waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("header .who")));
	}

	/** Something that lives as long as the document does: a reload would lose it. */
	private Object mark() {
		return ((org.openqa.selenium.JavascriptExecutor) browser)
			.executeScript("document.body.dataset.mark = document.body.dataset.mark || String(Math.random());"
					+ " return document.body.dataset.mark;");
	}

	/** The browser's console errors since the last call (CSP violations and script errors among them). */
	private static List<String> errors() {
		return browser.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.filter((entry) -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
			.map(LogEntry::getMessage)
			.toList();
	}

	private static WebDriverWait waitFor() {
		return new WebDriverWait(browser, Duration.ofSeconds(30));
	}

	private String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

	private static void screenshot(String name) throws IOException {
		Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
		Files.copy(shot, SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
	}

}
