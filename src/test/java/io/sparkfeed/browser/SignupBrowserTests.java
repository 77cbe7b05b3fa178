package io.sparkfeed.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkfeed.support.Browser;
import io.sparkfeed.support.IntegrationTest;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** A person signs up in a real browser, starts the Prime trial and sees the badge. */
class SignupBrowserTests extends IntegrationTest {

    @Test
    void signUpStartTheTrialAndSeeThePrimeBadge() throws Exception {
        String handle = fixtures.uniqueHandle();
        try (Browser browser = new Browser()) {
            WebDriver page = browser.driver();
            page.get(baseUrl() + "/");
            page.findElement(By.linkText("Sign up")).click();
            browser.screenshot("signup-form-desktop");

            page.findElement(By.id("email")).sendKeys(handle + "@example.test");
            page.findElement(By.id("displayName")).sendKeys("Grace Hopper");
            page.findElement(By.id("handle")).sendKeys(handle);
            page.findElement(By.id("password")).sendKeys("compilers are friends");
            page.findElement(By.cssSelector("form button[type=submit]")).click();

            browser.waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/me/interests"));
            assertThat(page.findElement(By.cssSelector(".flash.notice")).getText())
                    .contains("Welcome to Sparkfeed");
            assertThat(page.findElement(By.cssSelector(".account-nav")).getText())
                    .contains("Grace Hopper")
                    .doesNotContain("Prime");
            for (String interest : new String[] {"Tech", "Books", "Coffee & tea", "Outdoors", "Photography"}) {
                page.findElement(By.xpath("//label[contains(@class,'chip')][normalize-space()='" + interest + "']"))
                        .click();
            }
            page.findElement(By.xpath("//button[normalize-space()='Show my feed']"))
                    .click();
            browser.waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.urlToBe(baseUrl() + "/"));
            assertThat(page.findElement(By.cssSelector(".feed-tabs .active")).getText())
                    .isEqualTo("For you");
            page.findElement(By.linkText("Prime")).click();

            page.findElement(By.xpath("//button[normalize-space()='Start my free trial']"))
                    .click();
            browser.waitUpTo(Duration.ofSeconds(10))
                    .until(ExpectedConditions.textToBePresentInElementLocated(
                            By.cssSelector(".flash.notice"), "trial has started"));
            assertThat(page.findElement(By.cssSelector(".account-nav .badge-trial"))
                            .getText())
                    .isEqualTo("Prime trial");
            assertThat(page.findElements(By.xpath("//button[normalize-space()='Start my free trial']")))
                    .isEmpty();
            assertThat(Files.size(browser.screenshot("prime-trial-desktop"))).isGreaterThan(10_000);

            browser.resize(Browser.PHONE);
            page.navigate().refresh();
            assertThat(page.findElement(By.cssSelector(".account-nav .badge-trial"))
                            .isDisplayed())
                    .isTrue();
            browser.screenshot("prime-trial-phone");
        }
        assertThat(jdbc.sql("select count(*) from memberships m join accounts a on a.id = m.account_id "
                                + "where a.handle = ? and m.plan = 'TRIAL'")
                        .param(handle)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }
}
