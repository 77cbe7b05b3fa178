package io.sparkfeed.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkfeed.questions.Questions;
import io.sparkfeed.support.Browser;
import io.sparkfeed.support.Fixtures.TestAccount;
import io.sparkfeed.support.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * axe-core, run inside the browser on the main pages as a visitor sees them, at desktop and phone widths, finds no
 * accessibility violation (contrast, names that match labels, link texts, landmarks, and the rest of its rules); and
 * on a product's questions as someone who may answer sees them, with the forms to ask and to answer.
 */
class AccessibilityBrowserTests extends IntegrationTest {

    @Autowired
    Questions questions;

    @Test
    void theMainPagesHaveNoAccessibilityViolations() {
        TestAccount author = fixtures.enthusiast();
        long product = fixtures.product(1);
        long post = fixtures.postIn(3, author, "A pan for every morning #axecheck", product);
        long question = questions.ask(fixtures.person().id(), product, null, "Does it work on induction?");
        questions.answer(author.id(), question, "Yes, and it heats evenly.");
        List<String> pages = List.of(
                "/",
                "/posts/" + post,
                "/products/" + product,
                "/products/" + product + "/questions",
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
            browser.logIn(baseUrl(), author);
            for (Dimension size : List.of(Browser.DESKTOP, Browser.PHONE)) {
                browser.resize(size);
                browser.driver().get(baseUrl() + "/products/" + product + "/questions");
                assertThat(browser.driver().findElements(By.cssSelector(".answer-form")))
                        .as("the answer form")
                        .isNotEmpty();
                assertThat(browser.axeViolations())
                        .as("questions, signed in, at " + size)
                        .isEmpty();
                browser.screenshot("questions-signed-in-" + (size == Browser.PHONE ? "phone" : "desktop"));
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
