package io.sparkfeed.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkfeed.support.Browser;
import io.sparkfeed.support.IntegrationTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** A member reports a post; an admin hides it from the report queue; a visitor no longer finds it in the feed. */
class ReportBrowserTests extends IntegrationTest {

    @Test
    void aReportedPostIsTakenDownFromTheQueue() {
        var author = fixtures.primeMember();
        var member = fixtures.primeMember();
        var admin = fixtures.admin();
        long post = fixtures.post(author, "Totally genuine designer bag " + author.handle());

        // before the takedown a visitor finds the post on the front page: its absence later means something
        try (Browser visitor = new Browser()) {
            WebDriver page = visitor.driver();
            page.get(baseUrl() + "/");
            assertThat(page.findElements(By.id("post-" + post))).hasSize(1);
        }

        try (Browser browser = new Browser()) {
            WebDriver page = browser.driver();
            browser.logIn(baseUrl(), member);
            page.get(baseUrl() + "/posts/" + post);
            page.findElement(By.cssSelector(".report-line a")).click();
            page.findElement(By.id("reason-COUNTERFEIT")).click();
            page.findElement(By.id("details")).sendKeys("Fake logo");
            browser.screenshot("report-form-desktop");
            page.findElement(By.cssSelector("form[action='/report'] button[type=submit]"))
                    .click();
            browser.waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.urlToBe(baseUrl() + "/me/reports"));
            assertThat(page.findElement(By.cssSelector(".flash.notice")).getText())
                    .contains("Thank you");
            logout(page);
        }

        try (Browser browser = new Browser()) {
            WebDriver page = browser.driver();
            browser.logIn(baseUrl(), admin);
            page.get(baseUrl() + "/admin");
            page.findElement(By.cssSelector(".admin-links a[href='/admin/reports']"))
                    .click();
            var item = page.findElement(By.id("queue-POST-" + post));
            assertThat(item.getText()).contains("Counterfeit product").contains("Fake logo");
            new Select(item.findElement(By.name("outcome"))).selectByValue("CONTENT_HIDDEN");
            item.findElement(By.name("reason")).sendKeys("Counterfeit goods");
            browser.screenshot("report-queue-desktop");
            item.findElement(By.cssSelector("button[type=submit]")).click();
            browser.waitUpTo(Duration.ofSeconds(10))
                    .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".flash.notice")));
            assertThat(page.findElements(By.id("queue-POST-" + post))).isEmpty();
            logout(page);
        }

        try (Browser visitor = new Browser()) {
            WebDriver page = visitor.driver();
            page.get(baseUrl() + "/");
            assertThat(page.findElements(By.id("post-" + post))).isEmpty();
            visitor.screenshot("feed-after-takedown-desktop");
            page.get(baseUrl() + "/posts/" + post);
            assertThat(page.getPageSource()).doesNotContain("Totally genuine designer bag");
        }
    }

    private static void logout(WebDriver page) {
        page.findElement(By.cssSelector(".account-menu > summary")).click();
        page.findElement(By.xpath("//button[normalize-space()='Log out']")).click();
    }
}
