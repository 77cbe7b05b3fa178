package io.sparkfeed.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkfeed.support.Browser;
import io.sparkfeed.support.IntegrationTest;
import io.sparkfeed.support.MailServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** A person who forgot their password asks for a link from the login page, follows the mail, and is back in. */
class PasswordResetBrowserTests extends IntegrationTest {

    @Test
    void forgotThenResetThenLogIn() throws Exception {
        var person = fixtures.person();
        try (Browser browser = new Browser()) {
            WebDriver page = browser.driver();
            page.get(baseUrl() + "/login");
            page.findElement(By.linkText("Forgot your password?")).click();
            page.findElement(By.id("email")).sendKeys(person.email());
            page.findElement(By.cssSelector("form button[type=submit]")).click();
            browser.waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/login/forgot?sent"));
            assertThat(page.findElement(By.cssSelector(".flash.notice")).getText())
                    .startsWith("If an account uses that address, a link is on its way.");
            browser.screenshot("password-forgot-sent");

            page.get(MailServer.link(person.email(), "/login/reset?token="));
            assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Choose a new password");
            page.findElement(By.id("password")).sendKeys("lighthouse keeper 42");
            browser.screenshot("password-reset-form");
            page.findElement(By.cssSelector("form button[type=submit]")).click();
            browser.waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.urlToBe(baseUrl() + "/"));
            assertThat(page.findElement(By.cssSelector(".flash.notice")).getText())
                    .isEqualTo("Your password is changed, and you are logged in. Every other device was logged out.");

            page.findElement(By.cssSelector(".account-menu > summary")).click();
            page.findElement(By.xpath("//button[normalize-space()='Log out']")).click();
            // the logout's POST must be done before the next page, or the login page still sees a session
            browser.waitUpTo(Duration.ofSeconds(10))
                    .until(ExpectedConditions.presenceOfElementLocated(By.linkText("Log in")));
            page.get(baseUrl() + "/login");
            page.findElement(By.id("login")).sendKeys(person.email());
            page.findElement(By.id("password")).sendKeys("lighthouse keeper 42");
            page.findElement(By.cssSelector("form button[type=submit]")).click();
            browser.waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.urlToBe(baseUrl() + "/"));
            assertThat(page.findElement(By.cssSelector(".account-nav")).getText())
                    .contains("Test " + person.handle());
        }
    }
}
