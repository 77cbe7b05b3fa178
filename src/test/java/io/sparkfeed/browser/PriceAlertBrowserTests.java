package io.sparkfeed.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkfeed.support.Browser;
import io.sparkfeed.support.IntegrationTest;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A person saves a product from its page, an admin lowers its price, the person reads the alert among their
 * notifications and buys the product from the alert's link. Screenshots of the saved product page, the alert and
 * the order land in target/screenshots/.
 */
class PriceAlertBrowserTests extends IntegrationTest {

    @Test
    void savePriceDropNotificationAndBuyFromTheAlert() {
        long product = fixtures.newProduct("Alert teapot", new BigDecimal("48.00"), 10);
        var saver = fixtures.person();

        try (Browser browser = new Browser()) {
            WebDriver page = browser.driver();
            browser.resize(Browser.DESKTOP);
            browser.logIn(baseUrl(), saver);
            page.get(baseUrl() + "/products/" + product);
            // htmx loads the reader's own button, then the click swaps it for the saved one
            browser.waitUpTo(Duration.ofSeconds(10))
                    .until(ExpectedConditions.presenceOfElementLocated(
                            By.cssSelector("#product-save-" + product + " button[aria-pressed=false]")));
            page.findElement(By.cssSelector("#product-save-" + product + " button"))
                    .click();
            browser.waitUpTo(Duration.ofSeconds(10))
                    .until(ExpectedConditions.presenceOfElementLocated(
                            By.cssSelector("#product-save-" + product + " button[aria-pressed=true]")));
            browser.screenshot("alert-product-saved-desktop");

            fixtures.reprice(product, new BigDecimal("36.00"), 10); // an admin lowers it by 25 %

            // the alert may land between the header's count and the list of one page: wait for both to show it
            browser.waitUpTo(Duration.ofSeconds(15)).until(driver -> {
                driver.get(baseUrl() + "/notifications");
                return !driver.findElements(By.cssSelector(".notification-list a[href='/products/" + product + "']"))
                                .isEmpty()
                        && !driver.findElements(By.cssSelector(".notifications-link .unread"))
                                .isEmpty();
            });
            assertThat(page.findElement(By.cssSelector(".notification-list")).getText())
                    .contains("A product you saved is cheaper now.");
            assertThat(page.findElement(By.cssSelector(".notifications-link .unread"))
                            .getText())
                    .isEqualTo("1");
            browser.screenshot("alert-notification-desktop");

            page.findElement(By.cssSelector(".notification-list a[href='/products/" + product + "']"))
                    .click();
            browser.waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/products/" + product));
            assertThat(page.findElement(By.cssSelector(".product-info .price")).getText())
                    .contains("36.00");
            assertThat(page.findElement(By.cssSelector(".price-low")).getText()).contains("36.00");
            assertThat(page.findElements(By.cssSelector("svg.price-chart polyline")))
                    .hasSize(1);
            // listed seconds ago, the history fills the chart from its first price (left) to now (right); under the
            // axis, its two dates, or one in the middle while both still read the same minute, never the same twice
            assertThat(page.findElements(By.cssSelector("svg.price-chart text")).stream()
                            .map(WebElement::getText)
                            .toList())
                    .hasSizeBetween(1, 2)
                    .doesNotHaveDuplicates();
            browser.screenshot("alert-product-cheaper-desktop");
            browser.resize(Browser.PHONE);
            ((JavascriptExecutor) page)
                    .executeScript("document.querySelector('.price-history').scrollIntoView({block: 'center'})");
            browser.screenshot("alert-product-cheaper-phone");
            ((JavascriptExecutor) page).executeScript("window.scrollTo(0, 0)");
            browser.resize(Browser.DESKTOP);

            page.findElement(By.cssSelector("form[data-buy-now] button[type=submit]"))
                    .click();
            browser.waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/checkout"));
            page.findElement(By.id("name")).sendKeys("Ada Saver");
            page.findElement(By.id("line1")).sendKeys("1 Test Road");
            page.findElement(By.id("city")).sendKeys("Lyon");
            page.findElement(By.id("postcode")).sendKeys("69001");
            page.findElement(By.id("country")).sendKeys("France");
            page.findElement(By.cssSelector("form[data-place-order] button[type=submit]"))
                    .click();
            browser.waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.urlMatches(".*/orders/\\d+$"));
            assertThat(page.findElement(By.cssSelector(".flash.notice")).getText())
                    .contains("Your order is placed");
            browser.screenshot("alert-order-desktop");
        }
        assertThat(count(
                        "select count(*) from order_lines l join orders o on o.id = l.order_id "
                                + "where o.account_id = ? and l.product_id = ? and l.price = 36.00",
                        saver.id(),
                        product))
                .isEqualTo(1);
    }
}
