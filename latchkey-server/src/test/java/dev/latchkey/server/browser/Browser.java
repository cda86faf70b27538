package dev.latchkey.server.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's {@code /usr/bin/chromium} driven by {@code /usr/bin/chromedriver},
 * nothing downloaded) with a fresh profile, plus the few page helpers the browser tests use.
 */
final class Browser implements AutoCloseable {

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	/** Where screenshots go: {@code latchkey-server/target/screenshots/}. */
	static final Path SCREENSHOTS = Path.of(System.getProperty("basedir", "."), "target", "screenshots");

	private static final Duration TIMEOUT = Duration.ofSeconds(15);

	private final Path profile;

	private final ChromeDriverService service;

	final ChromeDriver driver;

	Browser() {
		try {
			this.profile = Files.createTempDirectory("chromium-profile");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--user-data-dir=" + this.profile, "--window-size=1200,1000", "--lang=en-US");
		LoggingPreferences logging = new LoggingPreferences();
		logging.enable(LogType.BROWSER, Level.ALL);
		options.setCapability("goog:loggingPrefs", logging);
		this.driver = new ChromeDriver(this.service, options);
	}

	/** Whether Chromium is installed; chromedriver comes with it (Debian's chromium-driver). */
	static boolean available() {
		return Files.isExecutable(CHROMIUM);
	}

	void open(String url) {
		this.driver.get(url);
	}

	/** Opens the page and waits until it has decided between signed in and signed out. */
	void openPage(String baseUrl) {
		open(baseUrl + "/");
		waitForSettledState();
	}

	void reload() {
		this.driver.navigate().refresh();
		waitForSettledState();
	}

	String state() {
		return (String) js("return document.body ? document.body.getAttribute('data-state') : null;");
	}

	void waitForSettledState() {
		waitUntil("the page to settle", () -> {
			String state = state();
			return "signed-in".equals(state) || "signed-out".equals(state);
		});
	}

	void waitForState(String expected) {
		waitUntil("data-state=" + expected, () -> expected.equals(state()));
	}

	WebElement element(String id) {
		return this.driver.findElement(By.id(id));
	}

	void type(String id, String text) {
		WebElement input = element(id);
		input.clear();
		input.sendKeys(text);
	}

	void click(String id) {
		element(id).click();
	}

	boolean visible(String id) {
		return element(id).isDisplayed();
	}

	String text(String id) {
		return element(id).getText();
	}

	String value(String id) {
		return element(id).getDomProperty("value");
	}

	/** The texts of the {@code <li>} items of a list, e.g. the errors beside a field. */
	List<String> items(String listId) {
		return element(listId).findElements(By.tagName("li")).stream().map(WebElement::getText).toList();
	}

	void waitForVisible(String id) {
		waitUntil("#" + id + " to show", () -> visible(id));
	}

	void waitForText(String id, String fragment) {
		waitUntil("#" + id + " to contain '" + fragment + "'", () -> visible(id) && text(id).contains(fragment));
	}

	void waitUntil(String what, BooleanSupplier condition) {
		new WebDriverWait(this.driver, TIMEOUT).withMessage(() -> "waiting for " + what + " on "
				+ this.driver.getCurrentUrl() + " (data-state=" + state() + ", console: " + consoleMessages() + ", page: " + excerpt() + ")")
			.until((driver) -> condition.getAsBoolean());
	}

	private String excerpt() {
		String source = this.driver.getPageSource();
		return (source.length() > 300) ? source.substring(0, 300) + "..." : source;
	}

	Object js(String script, Object... args) {
		return ((JavascriptExecutor) this.driver).executeScript(script, args);
	}

	/** What page script can see of the cookies. */
	String documentCookie() {
		return (String) js("return document.cookie;");
	}

	/** The cookies the driver lists for the current page, HttpOnly included. */
	Set<Cookie> cookies() {
		return this.driver.manage().getCookies();
	}

	/**
	 * Every cookie in the browser's jar, whatever its path (the driver's {@link #cookies()} only
	 * lists those sent to the current URL, so not {@code refresh}, {@code Path=/api/}, from {@code /}).
	 * @return name to the cookie's CDP description ({@code value}, {@code path}, {@code httpOnly}, ...)
	 */
	@SuppressWarnings("unchecked")
	Map<String, Map<String, Object>> allCookies() {
		Map<String, Object> result = this.driver.executeCdpCommand("Network.getAllCookies", Map.of());
		Map<String, Map<String, Object>> byName = new TreeMap<>();
		for (Object cookie : (List<Object>) result.get("cookies")) {
			Map<String, Object> description = (Map<String, Object>) cookie;
			byName.put((String) description.get("name"), description);
		}
		return byName;
	}

	String pageText() {
		return this.driver.findElement(By.tagName("body")).getText();
	}

	/** A screenshot of the viewport, with nothing hovered or focused. */
	Path screenshot(String name) {
		js("if (document.activeElement) document.activeElement.blur();");
		new Actions(this.driver).moveToLocation(0, 0).perform();
		try {
			Files.createDirectories(SCREENSHOTS);
			Path file = SCREENSHOTS.resolve(name + ".png");
			Files.write(file, this.driver.getScreenshotAs(OutputType.BYTES));
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Scrolls the element to the middle of the viewport (before a screenshot of it). */
	void scrollTo(String id) {
		js("document.getElementById(arguments[0]).scrollIntoView({block: 'center'});", id);
	}

	/** The browser console messages since the last call. */
	List<String> consoleMessages() {
		return this.driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage).toList();
	}

	@Override
	public void close() {
		try {
			this.driver.quit();
		}
		finally {
			this.service.stop();
			deleteQuietly(this.profile);
		}
	}

	private static void deleteQuietly(Path directory) {
		try (Stream<Path> paths = Files.walk(directory)) {
			paths.sorted(Comparator.reverseOrder()).map(Path::toFile).filter(Objects::nonNull).forEach(File::delete);
		}
		catch (IOException ex) {
			// A leftover profile under target/tmp is harmless.
		}
	}

}
