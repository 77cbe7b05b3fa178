package io.sparkfeed.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkfeed.support.Browser;
import io.sparkfeed.support.Fixtures.TestAccount;
import io.sparkfeed.support.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;

/**
 * axe-core, run inside the browser on the main pages as a visitor sees them, at desktop and phone widths, finds no
 * accessibility violation (contrast, names that match labels, link texts, landmarks, and the rest of its rules).
 */
class AccessibilityBrowserTests extends IntegrationTest {

    @Test
    void theMainPagesHaveNoAccessibilityViolations() {
        TestAccount author = fixtures.enthusiast();
        long product = fixtures.product(1);
        long post = fixtures.postIn(3, author, "A pan for every morning #axecheck", product);
        List<String> pages = List.of(
                "/",
                "/posts/" + post,
                "/products/" + product,
                "/@" + author.handle(),
                "/search?q=pan",
                "/interests",
                "/login",
                "/signup");
        try (Browser browser = new Browser()) {
            for (Dimension size : List.of(Browser.DESKTOP, Browser.PHONE)) {
                browser.resize(size);
                for (String path : pages) {
                    browser.driver().get(baseUrl() + path);
                    assertThat(browser.axeViolations()).as(path + " at " + size).isEmpty();
                }
            }
        }
    }

    @Test
    void axeFindsViolations() {
        // the check cannot pass by not running: a page with an unnamed button and a photo without alt fails it
        try (Browser browser = new Browser()) {
            browser.driver().get(baseUrl() + "/login");
            ((JavascriptExecutor) browser.driver())
                    .executeScript("document.querySelector('main').insertAdjacentHTML('beforeend',"
                            + " '<button></button><img src=\"/img/favicon.svg\">')");
            assertThat(browser.axeViolations()).anyMatch(v -> v.startsWith("button-name"));
        }
    }
}
