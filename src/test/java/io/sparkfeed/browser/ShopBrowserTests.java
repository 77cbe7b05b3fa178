package io.sparkfeed.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkfeed.support.Browser;
import io.sparkfeed.support.Fixtures;
import io.sparkfeed.support.IntegrationTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A visitor taps a hotspot on a feed post and presses Buy now on its card, logs in, comes back to the confirmation,
 * places the order and sees it: two clicks after login. The order line credits the post. Screenshots of the open
 * card on a phone and a desktop, of the confirmation and of the order land in target/screenshots/.
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
            browser.resize(Browser.PHONE);
            WebElement phoneCard = openHotspotCard(browser, postId);
            browser.screenshot("shop-hotspot-card-phone");
            assertFitsInTheWindow(page, phoneCard);

            browser.resize(Browser.DESKTOP);
            WebElement productCard = openHotspotCard(browser, postId);
            browser.screenshot("shop-hotspot-card-desktop");
            assertFitsInTheWindow(page, productCard);
            WebElement buy = productCard.findElement(By.cssSelector("a[data-card-buy]"));
            assertThat(buy.getText()).isEqualTo("Buy now");
            // a visitor has no cart: Add to cart shows once signed in
            assertThat(productCard.findElements(By.cssSelector("[data-card-cart]")))
                    .isEmpty();

            buy.click();
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
            page.findElement(By.cssSelector("form[data-place-order] button[type=submit]"))
                    .click();
            browser.waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.urlMatches(".*/orders/\\d+$"));
            assertThat(page.findElement(By.cssSelector(".flash.notice")).getText())
                    .contains("Your order is placed");
            assertThat(page.findElement(By.cssSelector("[data-status]")).getText())
                    .isEqualTo("Placed");
            browser.screenshot("shop-order-desktop");

            // signed in, the card offers Add to cart too, and so does the list of tagged products on the post page
            browser.resize(Browser.PHONE);
            WebElement signedIn = openHotspotCard(browser, postId);
            browser.screenshot("shop-hotspot-card-signed-in-phone");
            assertFitsInTheWindow(page, signedIn);
            assertThat(signedIn.findElement(By.cssSelector("[data-card-cart] button"))
                            .getText())
                    .isEqualTo("Add to cart");
            page.get(baseUrl() + "/posts/" + postId);
            WebElement tagged = page.findElement(By.cssSelector(".tagged-list"));
            ((JavascriptExecutor) page).executeScript("arguments[0].scrollIntoView({block: 'center'})", tagged);
            browser.screenshot("shop-tagged-list-signed-in-phone");
            assertThat(tagged.findElement(By.cssSelector("a[data-card-buy]")).getText())
                    .isEqualTo("Buy now");
            assertFitsInTheWindow(page, tagged.findElement(By.cssSelector("[data-card-cart] button")));
        }
        Long credited = jdbc.sql("""
                        select l.post_id from order_lines l join orders o on o.id = l.order_id
                        where o.account_id = ?""").param(buyer.id()).query(Long.class).single();
        assertThat(credited).isEqualTo(postId);
    }

    private WebElement openHotspotCard(Browser browser, long postId) {
        WebDriver page = browser.driver();
        page.get(baseUrl() + "/");
        WebElement card = page.findElement(By.id("post-" + postId));
        new Actions(page).scrollToElement(card).perform();
        ((JavascriptExecutor) page).executeScript("arguments[0].scrollIntoView({block: 'center'})", card);
        card.findElement(By.cssSelector(".hotspot.placed")).click();
        return card.findElement(By.cssSelector(".hotspot-card:not([hidden])"));
    }

    private static void assertFitsInTheWindow(WebDriver page, WebElement card) {
        long right = ((Number) ((JavascriptExecutor) page)
                        .executeScript("return arguments[0].getBoundingClientRect().right", card))
                .longValue();
        long left = ((Number) ((JavascriptExecutor) page)
                        .executeScript("return arguments[0].getBoundingClientRect().left", card))
                .longValue();
        long width = ((Number) ((JavascriptExecutor) page).executeScript("return document.documentElement.clientWidth"))
                .longValue();
        assertThat(left).as("the open card starts inside the window").isGreaterThanOrEqualTo(0);
        assertThat(right).as("the open card ends inside the window").isLessThanOrEqualTo(width);
    }
}
