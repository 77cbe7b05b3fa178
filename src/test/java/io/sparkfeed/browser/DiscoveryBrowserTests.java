package io.sparkfeed.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkfeed.support.Browser;
import io.sparkfeed.support.IntegrationTest;
import io.sparkfeed.support.MailServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A new person signs up, picks five interests, lands on a For you feed that matches them, follows an
 * enthusiast, and finds a product by its brand.
 */
class DiscoveryBrowserTests extends IntegrationTest {

    /** The follower count a profile shows ("12 followers"). */
    private static int followers(WebDriver page) {
        String counts = page.findElement(By.id("follow-counts")).getText();
        return counts.startsWith("No ") ? 0 : Integer.parseInt(counts.substring(0, counts.indexOf(' ')));
    }

    @Test
    void aNewPersonGetsAFeedShapedByWhatTheyPicked() throws Exception {
        String handle = fixtures.uniqueHandle();
        // the test's own enthusiast posts in the five interests picked below (home, outdoors, fitness, books,
        // coffee), tagging a product of the tests' own catalog ("Fixture brand"): no demo data needed
        var enthusiast = fixtures.enthusiast();
        for (int interest : new int[] {2, 4, 7, 10, 16}) {
            fixtures.postIn(interest, enthusiast, "picked for you " + interest, fixtures.product(interest % 4));
        }
        try (Browser browser = new Browser()) {
            WebDriver page = browser.driver();
            page.get(baseUrl() + "/signup");
            page.findElement(By.id("email")).sendKeys(handle + "@example.test");
            page.findElement(By.id("displayName")).sendKeys("Nina Simone");
            page.findElement(By.id("handle")).sendKeys(handle);
            page.findElement(By.id("password")).sendKeys("feeling good tonight");
            page.findElement(By.cssSelector("form button[type=submit]")).click();
            browser.waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/me/interests"));

            List<String> picked = List.of("Home & décor", "Coffee & tea", "Outdoors", "Books", "Fitness");
            for (String interest : picked) {
                page.findElement(By.xpath("//label[contains(@class,'chip')][normalize-space()='" + interest + "']"))
                        .click();
            }
            browser.screenshot("discovery-interests-desktop");
            page.findElement(By.xpath("//button[normalize-space()='Show my feed']"))
                    .click();
            browser.waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.urlToBe(baseUrl() + "/"));
            assertThat(page.findElement(By.cssSelector(".feed-tabs .active")).getText())
                    .isEqualTo("For you");
            List<WebElement> cards = page.findElements(By.cssSelector("article.post-card"));
            assertThat(cards).isNotEmpty();
            // they follow nobody yet: every card is there for one of the five interests, and says which
            assertThat(cards)
                    .allSatisfy(card -> assertThat(card.findElements(By.cssSelector(".card-interests a")).stream()
                                    .map(WebElement::getText)
                                    .toList())
                            .as(card.getAttribute("id"))
                            .containsAnyElementsOf(picked));
            browser.screenshot("discovery-for-you-desktop");

            // the trial makes them Prime, so they can follow
            page.get(baseUrl() + "/prime");
            page.findElement(By.xpath("//button[normalize-space()='Start my free trial']"))
                    .click();
            // wait for the trial's confirmation: navigating away at once can abort the POST in flight
            browser.waitUpTo(Duration.ofSeconds(10))
                    .until(ExpectedConditions.textToBePresentInElementLocated(
                            By.cssSelector(".flash.notice"), "Your Prime trial has started"));
            // following takes a confirmed address: the link the sign-up mailed
            page.get(MailServer.link(handle + "@example.test", "/verify-email"));
            page.get(baseUrl() + "/@" + enthusiast.handle());
            int followers = followers(page);
            page.findElement(By.cssSelector(".profile-head .follow button")).click();
            browser.waitUpTo(Duration.ofSeconds(10))
                    .until(ExpectedConditions.textToBePresentInElementLocated(
                            By.cssSelector(".profile-head .follow button"), "Following"));
            // htmx swapped the count in too, without a reload
            browser.waitUpTo(Duration.ofSeconds(10)).until(driver -> followers(driver) == followers + 1);
            browser.screenshot("discovery-followed-desktop");

            page.findElement(By.linkText("Search")).click();
            page.findElement(By.id("search-q")).sendKeys("Fixture brand");
            page.findElement(By.cssSelector(".search-row button")).click();
            WebElement first = browser.waitUpTo(Duration.ofSeconds(10))
                    .until(ExpectedConditions.visibilityOfElementLocated(
                            By.cssSelector(".product-results li .hc-brand")));
            assertThat(first.getText()).isEqualToIgnoringCase("Fixture brand");
            browser.resize(Browser.PHONE);
            page.navigate().refresh();
            browser.screenshot("discovery-search-phone");
        }
        assertThat(count(
                        "select count(*) from follows f join accounts a on a.id = f.follower_id "
                                + "where a.handle = ? and f.followed_id = ?",
                        handle,
                        enthusiast.id()))
                .isOne();
    }
}
