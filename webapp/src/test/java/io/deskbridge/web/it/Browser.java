package io.deskbridge.web.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Debian Chromium window driven through chromium-driver, with a fresh profile: what a
 * browser test sees of the app. No browser is downloaded; .ci/run (and ./test.sh) install
 * {@code chromium} and {@code chromium-driver} with apt-get when they are missing.
 */
final class Browser implements AutoCloseable {

  static final Path CHROMIUM = Path.of(System.getProperty("deskbridge.chromium", "/usr/bin/chromium"));
  static final Path DRIVER = Path.of(System.getProperty("deskbridge.chromedriver", "/usr/bin/chromedriver"));
  static final Duration WAIT = Duration.ofSeconds(30);
  /** Screenshots land in target/screenshots; with -Ddeskbridge.screenshots=DIR also there (docs/screenshots). */
  private static final Path SHOTS = Path.of("target", "screenshots");

  final WebDriver driver;
  private final Path profile;
  private final String baseUrl;

  private Browser(WebDriver driver, Path profile, String baseUrl) {
    this.driver = driver;
    this.profile = profile;
    this.baseUrl = baseUrl;
  }

  /** A desktop window of 1280×800. */
  static Browser open(String baseUrl) {
    return open(baseUrl, new Dimension(1280, 800));
  }

  static Browser open(String baseUrl, Dimension size) {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(DRIVER)) {
      throw new IllegalStateException("Browser tests need Debian's chromium and chromium-driver: "
          + "apt-get install -y chromium chromium-driver (./test.sh and .ci/run do it)");
    }
    try {
      Path profile = Files.createTempDirectory("deskbridge-chromium-");
      ChromeOptions options = new ChromeOptions();
      options.setBinary(CHROMIUM.toFile());
      options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
          "--disable-background-networking", "--disable-component-update", "--disable-sync",
          "--disable-dev-shm-usage", "--user-data-dir=" + profile,
          "--window-size=" + size.getWidth() + "," + size.getHeight(), "--lang=en-US");
      ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
          .usingAnyFreePort().build();
      ChromeDriver driver = new ChromeDriver(service, options);
      driver.manage().window().setSize(size);
      return new Browser(driver, profile, baseUrl);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Browser go(String path) {
    driver.get(baseUrl + path);
    return this;
  }

  /** Signs in to the agent app as {@code email} of tenant {@code slug}; returns once the app's header shows. */
  Browser signIn(String slug, String email) {
    go("/app/?tenant=" + slug);
    type(By.name("email"), email);
    type(By.name("password"), TestTenant.PASSWORD);
    click(By.cssSelector("#login-form button[type=submit]"));
    find(By.cssSelector("header.top .who"));
    return this;
  }

  /** Waits until the element is there and visible. */
  WebElement find(By by) {
    return until(d -> d.findElements(by).stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
  }

  List<WebElement> all(By by) {
    return driver.findElements(by);
  }

  /**
   * Waits until {@code condition} answers something other than null or false; an element the app
   * re-rendered meanwhile (stale) is looked up again.
   */
  <T> T until(Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, WAIT, Duration.ofMillis(100)).ignoring(StaleElementReferenceException.class)
        .until(condition);
  }

  /** Waits until some visible element matching {@code by} contains {@code text}. */
  WebElement withText(By by, String text) {
    return until(d -> d.findElements(by).stream()
        .filter(e -> e.isDisplayed() && e.getText().contains(text)).findFirst().orElse(null));
  }

  /**
   * The whole text of the element {@link #withText} waits for, read while waiting: a live update may
   * redraw the element right after, and reading it again then fails as stale.
   */
  String textWith(By by, String text) {
    return until(d -> d.findElements(by).stream().filter(WebElement::isDisplayed).map(WebElement::getText)
        .filter(shown -> shown.contains(text)).findFirst().orElse(null));
  }

  void type(By by, String text) {
    WebElement field = find(by);
    field.clear();
    field.sendKeys(text);
  }

  void click(By by) {
    until(d -> {
      WebElement element = find(by);
      if (!element.isEnabled()) {
        return null;
      }
      element.click();
      return true;
    });
  }

  /** Saves a PNG of the window as {@code name}.png. */
  void screenshot(String name) {
    try {
      Files.createDirectories(SHOTS);
      Path shot = SHOTS.resolve(name + ".png");
      Files.write(shot, ((ChromeDriver) driver).getScreenshotAs(OutputType.BYTES));
      String docs = System.getProperty("deskbridge.screenshots");
      if (docs != null && !docs.isBlank()) {
        Path target = Path.of(docs);
        Files.createDirectories(target);
        Files.copy(shot, target.resolve(shot.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      try {
        ServerProcess.deleteTree(profile);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
