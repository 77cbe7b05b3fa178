package io.sparkfeed.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkfeed.support.Browser;
import io.sparkfeed.support.Fixtures;
import io.sparkfeed.support.IntegrationTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A visitor taps a hotspot on a feed post, opens the product, clicks Buy, logs in, comes back to the confirmation,
 * places the order and sees it; the order line credits the post.
 */
class ShopBrowserTests extends IntegrationTest {

    @Test
    void aVisitorBuysFromAHotspotAfterLoggingIn() {
        var author = fixtures.enthusiast();
        long product = fixtures.product(3);
        String caption = "Shop this look #shopbrowser " + author.handle();
        long postId = fixtures.post(author, caption, product);
        var buyer = fixtures.person();

        try (Browser browser = new Browser()) {
            WebDriver page = browser.driver();
            page.get(baseUrl() + "/");
            WebElement card = page.findElement(By.id("post-" + postId));
            new Actions(page).scrollToElement(card).perform();
            card.findElement(By.cssSelector(".hotspot.placed")).click();
            WebElement productCard = card.findElement(By.cssSelector(".hotspot-card:not([hidden])"));
            productCard.findElement(By.cssSelector("a.button")).click();
            browser.waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("from=" + postId));

            browser.screenshot("shop-product-desktop");
            page.findElement(By.cssSelector("form[data-buy-now] button[type=submit]")).click();
            browser.waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/login"));
            page.findElement(By.id("login")).sendKeys(buyer.email());
            page.findElement(By.id("password")).sendKeys(Fixtures.PASSWORD);
            page.findElement(By.cssSelector("form button[type=submit]")).click();
            browser.waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/checkout"));
            assertThat(page.getCurrentUrl()).contains("product=" + product).contains("from=" + postId);

            page.findElement(By.id("name")).sendKeys("Ada Buyer");
            page.findElement(By.id("line1")).sendKeys("1 Test Road");
            page.findElement(By.id("city")).sendKeys("Lyon");
            page.findElement(By.id("postcode")).sendKeys("69001");
            page.findElement(By.id("country")).sendKeys("France");
            browser.screenshot("shop-confirm-desktop");
            page.findElement(By.cssSelector("form[data-place-order] button[type=submit]")).click();
            browser.waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.urlMatches(".*/orders/\\d+$"));
            assertThat(page.findElement(By.cssSelector(".flash.notice")).getText()).contains("Your order is placed");
            assertThat(page.findElement(By.cssSelector("[data-status]")).getText()).isEqualTo("Placed");
            browser.screenshot("shop-order-desktop");
        }
        Long credited = jdbc.sql("""
                        select l.post_id from order_lines l join orders o on o.id = l.order_id
                        where o.account_id = ?""").param(buyer.id()).query(Long.class).single();
        assertThat(credited).isEqualTo(postId);
    }
}
