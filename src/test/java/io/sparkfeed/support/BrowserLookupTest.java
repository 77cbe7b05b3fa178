package io.sparkfeed.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sparkfeed.support.BrowserLookup.Installation;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where browser tests look for Chrome or Chromium and chromedriver, in order, and what they say when none is. */
class BrowserLookupTest {

    @TempDir
    Path dir;

    private final Map<String, String> properties = new HashMap<>();
    private final Map<String, String> environment = new HashMap<>();

    private static final BrowserLookup.Fallback NO_DOWNLOAD = (browser, driver) -> {
        throw new IllegalStateException("Unable to obtain driver: no network");
    };

    @Test
    void aPropertyComesBeforeTheEnvironmentWhichComesBeforeThePath() throws IOException {
        Path onPath = executable("bin/chromium");
        executable("bin/chromedriver");
        environment.put("PATH", dir.resolve("bin").toString());
        assertThat(lookup("Linux").resolve(NO_DOWNLOAD))
                .isEqualTo(new Installation(onPath, dir.resolve("bin/chromedriver")));

        Path fromVariable = executable("env/chrome");
        Path driverFromVariable = executable("env/chromedriver");
        environment.put("CHROME_BIN", fromVariable.toString());
        environment.put("CHROMEDRIVER", driverFromVariable.toString());
        assertThat(lookup("Linux").resolve(NO_DOWNLOAD)).isEqualTo(new Installation(fromVariable, driverFromVariable));

        Path fromProperty = executable("prop/my chrome");
        properties.put("sparkfeed.test.chrome", fromProperty.toString());
        assertThat(lookup("Linux").resolve(NO_DOWNLOAD)).isEqualTo(new Installation(fromProperty, driverFromVariable));
    }

    @Test
    void thePathIsSearchedInItsOrderForEachUsualName() throws IOException {
        executable("first/google-chrome-stable");
        Path chromium = executable("second/chromium");
        environment.put("PATH", dir.resolve("first") + File.pathSeparator + dir.resolve("second"));
        // chromium is a preferred name: found in the second directory before google-chrome-stable in the first
        assertThat(lookup("Linux").browser()).contains(chromium);
    }

    @Test
    void windowsProgramFilesAndMacApplicationsAreUsualLocations() throws IOException {
        Path chrome = executable("Program Files/Google/Chrome/Application/chrome.exe");
        Path driver = executable("Program Files/Google/Chrome/Application/chromedriver.exe");
        environment.put("ProgramFiles", dir.resolve("Program Files").toString());
        environment.put("Path", dir.resolve("nothing here").toString());
        assertThat(lookup("Windows 11").resolve(NO_DOWNLOAD)).isEqualTo(new Installation(chrome, driver));

        Path mac = executable("Applications/Google Chrome.app/Contents/MacOS/Google Chrome");
        assertThat(new BrowserLookup(properties::get, environment, "Mac OS X", dir.toString()).browser())
                .contains(mac);
    }

    @Test
    void whatIsMissingIsLeftToSeleniumManagerWithWhatWasFound() throws IOException {
        Path chromium = executable("bin/chromium.exe");
        environment.put("PATH", dir.resolve("bin").toString());
        var asked = new AtomicReference<List<Path>>();
        Path downloaded = dir.resolve("cache/chromedriver");
        Installation installation = lookupWithoutUsualLocations().resolve((browser, driver) -> {
            asked.set(Arrays.asList(browser, driver));
            return new Installation(browser, downloaded);
        });
        assertThat(asked.get()).containsExactly(chromium, null);
        assertThat(installation).isEqualTo(new Installation(chromium, downloaded));
    }

    @Test
    void withNoBrowserAndNoDownloadTheAnswerIsOneSentenceSayingWhatToInstall() {
        environment.put("PATH", dir.toString());
        assertThatThrownBy(() -> lookupWithoutUsualLocations().resolve(NO_DOWNLOAD))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(BrowserLookup.INSTALL_ADVICE)
                .hasMessageContaining("apt-get install chromium chromium-driver")
                .hasMessageContaining("-Dsparkfeed.test.chrome");
        assertThat(BrowserLookup.INSTALL_ADVICE.split("\\. ")).hasSize(1);
    }

    @Test
    void aSettingThatNamesNoFileIsReportedNotIgnored() {
        environment.put("CHROME_BIN", dir.resolve("missing/chrome").toString());
        assertThatThrownBy(() -> lookup("Linux").browser())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CHROME_BIN")
                .hasMessageContaining("missing");
    }

    private BrowserLookup lookup(String os) {
        return new BrowserLookup(properties::get, environment, os, dir.toString());
    }

    /** Windows (names end in .exe) with no Program Files: nothing outside the test's directory can be found. */
    private BrowserLookup lookupWithoutUsualLocations() {
        environment.put("Path", environment.getOrDefault("PATH", ""));
        return new BrowserLookup(properties::get, environment, "Windows 11", dir.toString());
    }

    private Path executable(String relative) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "#!/bin/sh\n");
        assertThat(file.toFile().setExecutable(true)).isTrue();
        return file;
    }
}
