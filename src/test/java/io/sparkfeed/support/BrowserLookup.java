package io.sparkfeed.support;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Finds the Chrome or Chromium and the chromedriver that browser tests drive, on any machine: a system property or
 * environment variable first ({@code sparkfeed.test.chrome} / {@code CHROME_BIN}, {@code sparkfeed.test.chromedriver}
 * / {@code CHROMEDRIVER}), then the PATH, then the usual install locations of Linux distributions, macOS and
 * Windows. What is still missing is left to Selenium Manager (bundled in Selenium), which downloads a matching
 * browser and driver; when that is impossible too, the answer is one sentence saying what to install.
 */
final class BrowserLookup {

    /** A browser and its driver, ready to start. */
    record Installation(Path browser, Path driver) {}

    /** Selenium Manager: completes what the lookup found (null when nothing), or throws. */
    interface Fallback {
        Installation complete(Path browser, Path driver);
    }

    static final String BROWSER_PROPERTY = "sparkfeed.test.chrome";
    static final String BROWSER_VARIABLE = "CHROME_BIN";
    static final String DRIVER_PROPERTY = "sparkfeed.test.chromedriver";
    static final String DRIVER_VARIABLE = "CHROMEDRIVER";

    static final String INSTALL_ADVICE = "Browser tests need Chrome or Chromium and a matching chromedriver, and "
            + "none was found nor could Selenium Manager download them: install them (Debian/Ubuntu: apt-get install "
            + "chromium chromium-driver; Fedora: dnf install chromium chromedriver; macOS: brew install --cask "
            + "google-chrome; Windows: install Google Chrome) or point -D" + BROWSER_PROPERTY + " and -D"
            + DRIVER_PROPERTY + " (or " + BROWSER_VARIABLE + " and " + DRIVER_VARIABLE + ") at them.";

    private static final List<String> BROWSER_NAMES =
            List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome");
    private static final List<String> DRIVER_NAMES = List.of("chromedriver");

    private final Function<String, String> properties;
    private final Map<String, String> environment;
    private final String osName;
    private final String userHome;

    BrowserLookup(
            Function<String, String> properties, Map<String, String> environment, String osName, String userHome) {
        this.properties = properties;
        this.environment = environment;
        this.osName = osName.toLowerCase(Locale.ROOT);
        this.userHome = userHome;
    }

    /** The lookup of this JVM: its system properties and environment. */
    static BrowserLookup ofThisMachine() {
        return new BrowserLookup(
                System::getProperty,
                System.getenv(),
                System.getProperty("os.name", ""),
                System.getProperty("user.home", ""));
    }

    /** The installation to use; asks the fallback only for what was not found. */
    Installation resolve(Fallback seleniumManager) {
        Path browser = browser().orElse(null);
        Path driver = driver().orElse(null);
        if (browser != null && driver != null) {
            return new Installation(browser, driver);
        }
        try {
            return seleniumManager.complete(browser, driver);
        } catch (RuntimeException impossible) {
            throw new IllegalStateException(INSTALL_ADVICE, impossible);
        }
    }

    Optional<Path> browser() {
        return find(BROWSER_PROPERTY, BROWSER_VARIABLE, BROWSER_NAMES, browserLocations());
    }

    Optional<Path> driver() {
        return find(DRIVER_PROPERTY, DRIVER_VARIABLE, DRIVER_NAMES, driverLocations());
    }

    private Optional<Path> find(String property, String variable, List<String> names, List<Path> locations) {
        String configured = properties.apply(property);
        if (configured == null || configured.isBlank()) {
            configured = environment.get(variable);
        }
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured.strip());
            if (!runnable(path)) {
                // a setting that names nothing is a mistake to report, not a reason to pick another browser
                throw new IllegalStateException(property + " / " + variable + " is set to " + configured
                        + ", which is no executable file: fix or remove the setting.");
            }
            return Optional.of(path);
        }
        return onPath(names)
                .or(() -> locations.stream().filter(BrowserLookup::runnable).findFirst());
    }

    private Optional<Path> onPath(List<String> names) {
        String path = environment.getOrDefault("PATH", environment.getOrDefault("Path", ""));
        for (String name : names) {
            for (String directory : path.split(File.pathSeparator)) {
                if (directory.isBlank()) {
                    continue;
                }
                for (String file : windows() ? List.of(name + ".exe") : List.of(name)) {
                    Path candidate = Path.of(directory, file);
                    if (runnable(candidate)) {
                        return Optional.of(candidate);
                    }
                }
            }
        }
        return Optional.empty();
    }

    private List<Path> browserLocations() {
        List<Path> locations = new ArrayList<>();
        if (windows()) {
            for (String root : windowsRoots()) {
                locations.add(Path.of(root, "Google", "Chrome", "Application", "chrome.exe"));
                locations.add(Path.of(root, "Chromium", "Application", "chrome.exe"));
            }
        } else if (osName.contains("mac")) {
            for (String applications : List.of("/Applications", userHome + "/Applications")) {
                locations.add(Path.of(applications, "Google Chrome.app", "Contents", "MacOS", "Google Chrome"));
                locations.add(Path.of(applications, "Chromium.app", "Contents", "MacOS", "Chromium"));
                locations.add(Path.of(
                        applications,
                        "Google Chrome for Testing.app",
                        "Contents",
                        "MacOS",
                        "Google Chrome for Testing"));
            }
        } else {
            for (String file : List.of(
                    "/usr/bin/chromium",
                    "/usr/bin/chromium-browser",
                    "/usr/bin/google-chrome",
                    "/usr/bin/google-chrome-stable",
                    "/usr/lib/chromium/chromium",
                    "/usr/lib/chromium-browser/chromium-browser",
                    "/usr/lib64/chromium-browser/chromium-browser",
                    "/opt/google/chrome/chrome",
                    "/snap/bin/chromium")) {
                locations.add(Path.of(file));
            }
        }
        return locations;
    }

    private List<Path> driverLocations() {
        List<Path> locations = new ArrayList<>();
        if (windows()) {
            for (String root : windowsRoots()) {
                locations.add(Path.of(root, "Google", "Chrome", "Application", "chromedriver.exe"));
                locations.add(Path.of(root, "chromedriver", "chromedriver.exe"));
            }
        } else {
            for (String file : List.of(
                    "/usr/bin/chromedriver",
                    "/usr/lib/chromium/chromedriver",
                    "/usr/lib/chromium-browser/chromedriver",
                    "/usr/lib64/chromium-browser/chromedriver",
                    "/snap/bin/chromium.chromedriver",
                    "/usr/local/bin/chromedriver",
                    "/opt/homebrew/bin/chromedriver")) {
                locations.add(Path.of(file));
            }
        }
        return locations;
    }

    private List<String> windowsRoots() {
        return Stream.of("ProgramFiles", "ProgramFiles(x86)", "LOCALAPPDATA")
                .map(environment::get)
                .filter(root -> root != null && !root.isBlank())
                .toList();
    }

    private boolean windows() {
        return osName.startsWith("windows");
    }

    private static boolean runnable(Path path) {
        return Files.isRegularFile(path) && Files.isExecutable(path);
    }
}
