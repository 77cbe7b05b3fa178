package io.sparkfeed.support;

import io.sparkfeed.support.BrowserLookup.Installation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.remote.service.DriverFinder;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chrome or Chromium, found by {@link BrowserLookup} once per JVM (Selenium Manager downloads one only
 * where none is installed; where that fails too, every browser test fails with the same sentence saying what to
 * install, and nothing is skipped). Each instance has a fresh profile directory; screenshots go to
 * {@code target/screenshots}.
 */
public final class Browser implements AutoCloseable {

    public static final Dimension PHONE = new Dimension(390, 844);
    public static final Dimension DESKTOP = new Dimension(1280, 900);

    private static Installation installation;
    private static IllegalStateException unavailable;

    private final ChromeDriver driver;
    private final Path profile;

    public Browser() {
        try {
            this.profile = Files.createTempDirectory("sparkfeed-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Installation installation = installation();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(installation.browser().toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-quic",
                "--lang=en-US",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(installation.driver().toFile())
                .usingAnyFreePort()
                .build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
        driver.manage().window().setSize(DESKTOP);
    }

    private static synchronized Installation installation() {
        if (unavailable != null) {
            // the lookup and any download were tried once in this JVM: the same sentence, at once
            throw new IllegalStateException(unavailable.getMessage());
        }
        if (installation == null) {
            try {
                installation = BrowserLookup.ofThisMachine().resolve(Browser::seleniumManager);
            } catch (IllegalStateException e) {
                unavailable = e;
                throw e;
            }
        }
        return installation;
    }

    /** Selenium Manager finds or downloads what the lookup did not find: a driver for the browser, or both. */
    private static Installation seleniumManager(Path browser, Path driver) {
        ChromeOptions options = new ChromeOptions();
        if (browser != null) {
            options.setBinary(browser.toFile());
        }
        DriverFinder finder = new DriverFinder(ChromeDriverService.createDefaultService(), options);
        Path foundDriver = Path.of(finder.getDriverPath());
        Path foundBrowser = finder.hasBrowserPath() ? Path.of(finder.getBrowserPath()) : browser;
        if (foundBrowser == null) {
            throw new IllegalStateException("Selenium Manager found no browser");
        }
        return new Installation(foundBrowser, foundDriver);
    }

    public WebDriver driver() {
        return driver;
    }

    /** Logs the account in through the login form and waits for the front page. */
    public void logIn(String baseUrl, Fixtures.TestAccount account) {
        driver.get(baseUrl + "/login");
        driver.findElement(By.id("login")).sendKeys(account.email());
        driver.findElement(By.id("password")).sendKeys(Fixtures.PASSWORD);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.urlToBe(baseUrl + "/"));
    }

    public WebDriverWait waitUpTo(Duration duration) {
        return new WebDriverWait(driver, duration);
    }

    public void resize(Dimension size) {
        driver.manage().window().setSize(size);
    }

    /**
     * The current page's width and the window's, in CSS pixels ({@code scrollWidth} and {@code clientWidth} of the
     * document): a page wider than its window scrolls sideways.
     */
    public long[] widths() {
        var js = (JavascriptExecutor) driver;
        return new long[] {
            ((Number) js.executeScript("return document.documentElement.scrollWidth")).longValue(),
            ((Number) js.executeScript("return document.documentElement.clientWidth")).longValue()
        };
    }

    /**
     * The accessibility violations axe-core finds on the current page (WCAG 2.x A and AA and best practices), each as
     * "rule: the elements": none when it passes. axe-core runs in the page, injected from its jar.
     */
    public List<String> axeViolations() {
        var js = (JavascriptExecutor) driver;
        js.executeScript(AxeSource.SCRIPT);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        Object found = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']})
                    .then(r => done(r.violations.map(v => v.id + ': ' + v.help + ' at '
                        + v.nodes.map(n => n.target.join(' ')).join(', '))))
                    .catch(e => done(['axe failed: ' + e]));""");
        return ((List<?>) found).stream().map(String::valueOf).toList();
    }

    /** axe.min.js, read once from the classpath (Deque's axe-core jar). */
    private static final class AxeSource {
        static final String SCRIPT = read();

        private static String read() {
            try (var in = Browser.class.getResourceAsStream("/axe.min.js")) {
                if (in == null) {
                    throw new IllegalStateException("axe.min.js is not on the test classpath");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Saves a PNG of the current page under target/screenshots/{name}.png and returns its path. */
    public Path screenshot(String name) {
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            Path file = dir.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var walk = Files.walk(profile)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp directory left behind is harmless
        }
    }
}
