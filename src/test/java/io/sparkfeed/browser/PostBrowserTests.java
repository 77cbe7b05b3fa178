package io.sparkfeed.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkfeed.support.Browser;
import io.sparkfeed.support.Fixtures;
import io.sparkfeed.support.IntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * An enthusiast posts a photo with two products tagged by clicking it; a visitor then sees the post in the feed
 * with working hotspots and no smile button.
 */
class PostBrowserTests extends IntegrationTest {

    @Test
    void anEnthusiastPostsAndAVisitorShopsTheHotspots() throws Exception {
        var enthusiast = fixtures.enthusiast();
        Path photo = Files.createTempFile("sparkfeed-photo", ".jpg");
        Files.write(photo, Fixtures.jpeg(1200, 1500, 77));
        String caption = "My favourite corner #browsertest " + enthusiast.handle();

        try (Browser browser = new Browser()) {
            WebDriver page = browser.driver();
            page.get(baseUrl() + "/login");
            page.findElement(By.id("login")).sendKeys(enthusiast.email());
            page.findElement(By.id("password")).sendKeys(Fixtures.PASSWORD);
            page.findElement(By.cssSelector("form button[type=submit]")).click();
            browser.waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.urlToBe(baseUrl() + "/"));

            // tall enough that the whole photo is in view: Selenium's click offsets are from its visible centre
            browser.resize(new Dimension(1280, 2000));
            page.get(baseUrl() + "/posts/new");
            page.findElement(By.id("photo")).sendKeys(photo.toAbsolutePath().toString());
            WebElement image = browser.waitUpTo(Duration.ofSeconds(10))
                    .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-tag-image]")));
            page.findElement(By.id("altText")).sendKeys("A reading corner with a lamp and a mug");
            page.findElement(By.id("caption")).sendKeys(caption);
            page.findElement(By.xpath("//label[contains(@class,'chip')][normalize-space()='Home & décor']"))
                    .click();

            new Select(page.findElement(By.id("tagProduct0"))).selectByIndex(1);
            clickAt(page, image, 0.3, 0.4);
            new Select(page.findElement(By.id("tagProduct1"))).selectByIndex(2);
            clickAt(page, image, 0.7, 0.6);
            assertThat(page.findElements(By.cssSelector(".tag-marker"))).hasSize(2);
            assertThat(Double.parseDouble(page.findElement(By.id("tagX0")).getAttribute("value")))
                    .isBetween(0.25, 0.35);
            assertThat(Double.parseDouble(page.findElement(By.id("tagY1")).getAttribute("value")))
                    .isBetween(0.55, 0.65);
            browser.screenshot("post-form-desktop");
            browser.resize(Browser.DESKTOP);
            page.findElement(By.cssSelector("form[data-post-form] button[type=submit]"))
                    .click();
            browser.waitUpTo(Duration.ofSeconds(15)).until(ExpectedConditions.urlMatches(".*/posts/\\d+$"));
            assertThat(page.findElement(By.cssSelector(".flash.notice")).getText())
                    .contains("Your post is live");
            page.findElement(By.cssSelector(".account-menu > summary")).click();
            page.findElement(By.xpath("//button[normalize-space()='Log out']")).click();
        }

        try (Browser visitor = new Browser()) {
            WebDriver page = visitor.driver();
            page.get(baseUrl() + "/");
            WebElement card = page.findElement(By.xpath(
                    "//article[contains(@class,'post-card')][.//p[contains(.,'" + enthusiast.handle() + "')]]"));
            List<WebElement> hotspots = card.findElements(By.cssSelector(".hotspot.placed"));
            assertThat(hotspots).hasSize(2);
            assertThat(card.findElements(By.cssSelector(".smile-button"))).isEmpty();
            assertThat(card.findElement(By.cssSelector(".badge-enthusiast")).getText())
                    .isEqualTo("Enthusiast");
            new Actions(page).scrollToElement(card).perform();
            hotspots.get(0).click();
            WebElement productCard = card.findElement(By.cssSelector(".hotspot-card:not([hidden])"));
            assertThat(productCard.findElement(By.cssSelector(".hc-price")).getText())
                    .contains("USD");
            visitor.screenshot("feed-hotspot-desktop");
            visitor.resize(Browser.PHONE);
            page.navigate().refresh();
            WebElement phoneCard = page.findElement(By.xpath(
                    "//article[contains(@class,'post-card')][.//p[contains(.,'" + enthusiast.handle() + "')]]"));
            new Actions(page).scrollToElement(phoneCard).perform();
            phoneCard.findElements(By.cssSelector(".hotspot.placed")).get(1).click();
            assertThat(phoneCard
                            .findElement(By.cssSelector(".hotspot-card:not([hidden]) .hc-title"))
                            .getText())
                    .isNotBlank();
            visitor.screenshot("feed-hotspot-phone");
            productCard = phoneCard.findElement(By.cssSelector(".hotspot-card:not([hidden])"));
            productCard.findElement(By.cssSelector("a.hc-view")).click();
            visitor.waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/products/"));
            assertThat(page.findElement(By.cssSelector("h1")).getText()).isNotBlank();
        }
    }

    /** Clicks an element at fractions of its size (Selenium's offsets are from its centre). */
    private static void clickAt(WebDriver page, WebElement element, double fx, double fy) {
        var size = element.getSize();
        int dx = (int) Math.round((fx - 0.5) * size.getWidth());
        int dy = (int) Math.round((fy - 0.5) * size.getHeight());
        new Actions(page)
                .scrollToElement(element)
                .moveToElement(element, dx, dy)
                .click()
                .perform();
    }
}
