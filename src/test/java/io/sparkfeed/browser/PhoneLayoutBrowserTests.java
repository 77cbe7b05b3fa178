package io.sparkfeed.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkfeed.support.Browser;
import io.sparkfeed.support.Fixtures;
import io.sparkfeed.support.IntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Every main page on a 390 px phone: nothing scrolls sideways, and each page has its heading. Saves a screenshot
 * of each under target/screenshots/phone-*.png.
 */
class PhoneLayoutBrowserTests extends IntegrationTest {

    @Test
    void noPageScrollsSidewaysOnAPhone() throws Exception {
        var admin = fixtures.admin();
        long product = fixtures.product(1);
        var author = fixtures.enthusiast();
        long post = fixtures.post(
                author,
                "A phone-sized look at a long caption that wraps nicely " + "#phonetest #responsive",
                product,
                fixtures.product(2));
        List<String> overflowing = new ArrayList<>();
        try (Browser browser = new Browser()) {
            browser.resize(Browser.PHONE);
            WebDriver page = browser.driver();
            String[][] visitorPages = {
                {"feed", "/"},
                {"post", "/posts/" + post},
                {"product", "/products/" + product},
                {"profile", "/@" + author.handle()},
                {"search", "/search?q=phonetest"},
                {"prime", "/prime"},
                {"login", "/login"},
                {"signup", "/signup"},
                {"interests", "/interests"}
            };
            for (String[] p : visitorPages) {
                check(browser, p[0], p[1], overflowing);
            }
            page.get(baseUrl() + "/login");
            page.findElement(By.id("login")).sendKeys(admin.email());
            page.findElement(By.id("password")).sendKeys(Fixtures.PASSWORD);
            page.findElement(By.cssSelector("form button[type=submit]")).click();
            browser.waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.urlToBe(baseUrl() + "/"));
            String[][] memberPages = {
                {"member-feed", "/"},
                {"new-post", "/posts/new"},
                {"cart", "/cart"},
                {"orders", "/orders"},
                {"notifications", "/notifications"},
                {"my-interests", "/me/interests"},
                {"admin", "/admin"},
                {"admin-members", "/admin/members"},
                {"admin-reports", "/admin/reports"},
                {"admin-audit", "/admin/audit"},
                {"admin-products", "/admin/products"}
            };
            for (String[] p : memberPages) {
                check(browser, p[0], p[1], overflowing);
            }
            page.findElement(By.cssSelector(".account-menu > summary")).click();
            browser.screenshot("phone-account-menu");
            assertThat(page.findElement(By.xpath("//button[normalize-space()='Log out']"))
                            .isDisplayed())
                    .isTrue();
        }
        assertThat(overflowing).isEmpty();
    }

    private void check(Browser browser, String name, String path, List<String> overflowing) {
        WebDriver page = browser.driver();
        page.get(baseUrl() + path);
        assertThat(page.findElements(By.cssSelector("h1")))
                .as(path + " has a heading")
                .isNotEmpty();
        long[] widths = browser.widths();
        long scroll = widths[0];
        long width = widths[1];
        if (scroll > width + 1) {
            Object culprits = ((JavascriptExecutor) page).executeScript("""
                    var w = document.documentElement.clientWidth, out = [];
                    document.querySelectorAll('body *').forEach(function (e) {
                        var r = e.getBoundingClientRect();
                        if (r.right > w + 1 && !e.closest('.table-wrap')) {
                            out.push(e.tagName + '.' + e.className + ' ' + Math.round(r.right));
                        }
                    });
                    return out.slice(0, 5).join('; ');""");
            overflowing.add(path + " is " + scroll + " px wide on a " + width + " px screen: " + culprits);
        }
        browser.screenshot("phone-" + name);
    }
}
