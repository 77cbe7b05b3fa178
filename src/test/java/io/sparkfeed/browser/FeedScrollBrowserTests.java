package io.sparkfeed.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkfeed.support.Browser;
import io.sparkfeed.support.IntegrationTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * A visitor scrolls a profile and each next page of cards is appended in place. A visitor's page does not load
 * htmx with the page (it would compete with the first photo and the first render); app.js fetches it once the page
 * has loaded, and it must then take over the "More" link.
 */
class FeedScrollBrowserTests extends IntegrationTest {

    private static List<String> captions(WebDriver page) {
        return page.findElements(By.cssSelector("article.post-card .caption")).stream()
                .map(WebElement::getText)
                .toList();
    }

    @Test
    void aVisitorsProfileGrowsPageByPageAsTheyScroll() throws Exception {
        var author = fixtures.enthusiast();
        for (int i = 1; i <= 5; i++) {
            fixtures.post(author, "scrolled " + i);
        }
        try (Browser browser = new Browser()) {
            WebDriver page = browser.driver();
            String url = baseUrl() + "/@" + author.handle() + "?size=2";
            page.get(url);
            var js = (JavascriptExecutor) page;
            browser.waitUpTo(Duration.ofSeconds(10)).until(driver -> {
                js.executeScript("window.scrollTo(0, document.body.scrollHeight)");
                return captions(driver).size() == 5;
            });
            assertThat(captions(page))
                    .containsExactly("scrolled 5", "scrolled 4", "scrolled 3", "scrolled 2", "scrolled 1");
            // appended in place, not followed as a link: the same page, with no "More" left at the end
            assertThat(page.getCurrentUrl()).isEqualTo(url);
            // htmx was fetched only once the page had loaded
            assertThat(js.executeScript("""
                            var htmx = performance.getEntriesByType("resource")
                                .filter(function (e) { return e.name.indexOf("/htmx") >= 0; });
                            var loaded = performance.getEntriesByType("navigation")[0].loadEventStart;
                            return htmx.length === 1 && loaded > 0 && htmx[0].startTime >= loaded;
                            """)).isEqualTo(true);
            assertThat(page.findElements(By.cssSelector(".more"))).isEmpty();
            browser.screenshot("feed-scrolled-desktop");
        }
    }
}
