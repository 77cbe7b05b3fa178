package io.sparkfeed.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkfeed.support.Browser;
import io.sparkfeed.support.Fixtures;
import io.sparkfeed.support.IntegrationTest;
import io.sparkfeed.support.MailServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** A person signs up, is asked to confirm their address before posting, follows the mailed link, and posts. */
class VerifiedSignupBrowserTests extends IntegrationTest {

    @Test
    void signUpThenConfirmTheAddressThenPost() throws Exception {
        String handle = fixtures.uniqueHandle();
        String email = handle + "@example.test";
        Path photo = Files.createTempFile("sparkfeed-photo", ".jpg");
        Files.write(photo, Fixtures.jpeg(1200, 1500, 21));
        try (Browser browser = new Browser()) {
            WebDriver page = browser.driver();
            page.get(baseUrl() + "/signup");
            page.findElement(By.id("email")).sendKeys(email);
            page.findElement(By.id("displayName")).sendKeys("Margaret Hamilton");
            page.findElement(By.id("handle")).sendKeys(handle);
            page.findElement(By.id("password")).sendKeys("software engineering");
            page.findElement(By.cssSelector("form button[type=submit]")).click();
            browser.waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/me/interests"));
            assertThat(page.findElement(By.cssSelector(".verify-hint")).getText())
                    .startsWith("Confirm your email address to post, comment and follow");

            long id = jdbc.sql("select id from accounts where handle = ?")
                    .param(handle)
                    .query(Long.class)
                    .single();
            fixtures.paidMembership(id, Duration.ofDays(30));
            page.get(baseUrl() + "/posts/new");
            assertThat(page.findElement(By.tagName("main")).getText()).contains("Confirm your email address to post");
            browser.screenshot("verify-before-posting");

            page.get(MailServer.link(email, "/verify-email"));
            assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Address confirmed");
            assertThat(page.findElements(By.cssSelector(".verify-hint"))).isEmpty();

            browser.resize(new Dimension(1280, 2000));
            page.get(baseUrl() + "/posts/new");
            page.findElement(By.id("photo")).sendKeys(photo.toAbsolutePath().toString());
            browser.waitUpTo(Duration.ofSeconds(10))
                    .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-tag-image]")));
            page.findElement(By.id("altText")).sendKeys("A desk lamp over a notebook");
            page.findElement(By.id("caption")).sendKeys("My first post " + handle);
            page.findElement(By.xpath("//label[contains(@class,'chip')][normalize-space()='Home & décor']"))
                    .click();
            page.findElement(By.cssSelector("form[data-post-form] button[type=submit]"))
                    .click();
            browser.waitUpTo(Duration.ofSeconds(15)).until(ExpectedConditions.urlMatches(".*/posts/\\d+$"));
            assertThat(page.findElement(By.cssSelector(".flash.notice")).getText())
                    .contains("Your post is live");
            browser.screenshot("verified-first-post");
        }
    }
}
