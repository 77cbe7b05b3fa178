package io.sparkfeed.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.sparkfeed.accounts.AccountDeletions;
import io.sparkfeed.support.Browser;
import io.sparkfeed.support.Fixtures;
import io.sparkfeed.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A member asks to delete their account from their data page: a wrong password is refused with a message and
 * changes nothing; the right one schedules the deletion, and the page says on which date. They log out; logging in
 * again takes the deletion back, and the next page says so.
 */
class AccountDeletionBrowserTests extends IntegrationTest {

    @Autowired
    AccountDeletions deletions;

    @Test
    void aRequestedDeletionIsCancelledByLoggingInAgain() {
        var member = fixtures.primeMember();
        try (Browser browser = new Browser()) {
            WebDriver page = browser.driver();
            browser.logIn(baseUrl(), member);
            page.findElement(By.cssSelector(".account-menu > summary")).click();
            page.findElement(By.linkText("Settings")).click();
            page.findElement(By.linkText("Download your data, or delete your account"))
                    .click();
            assertThat(page.getCurrentUrl()).isEqualTo(baseUrl() + "/me/data");

            page.findElement(By.id("current")).sendKeys("not my password");
            page.findElement(By.xpath("//button[normalize-space()='Delete my account']"))
                    .click();
            assertThat(page.findElement(By.id("current-error")).getText())
                    .isEqualTo("That is not your current password.");
            assertThat(page.findElement(By.id("current")).getAttribute("aria-invalid"))
                    .isEqualTo("true");
            assertThat(page.findElements(By.xpath("//button[normalize-space()='Keep my account']")))
                    .isEmpty();
            assertThat(deletions.pending(member.id())).isEmpty();
            ((JavascriptExecutor) page)
                    .executeScript(
                            "arguments[0].scrollIntoView({block: 'center'})", page.findElement(By.id("current")));
            browser.screenshot("account-deletion-wrong-password");

            page.findElement(By.id("current")).clear();
            page.findElement(By.id("current")).sendKeys(Fixtures.PASSWORD);
            page.findElement(By.xpath("//button[normalize-space()='Delete my account']"))
                    .click();
            browser.waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.urlToBe(baseUrl() + "/me/data"));
            assertThat(page.findElement(By.cssSelector(".flash.notice")).getText())
                    .isEqualTo("Your account will be deleted in 14 days."
                            + " You were logged out everywhere else; logging in again cancels it.");
            Instant due = deletions.pending(member.id()).orElseThrow();
            assertThat(due).isCloseTo(Instant.now().plus(Duration.ofDays(14)), within(5, ChronoUnit.MINUTES));
            WebElement notice = page.findElement(By.cssSelector("#deletion [role=status]"));
            WebElement date = notice.findElement(By.tagName("time"));
            OffsetDateTime shown = OffsetDateTime.parse(date.getAttribute("datetime"));
            assertThat(shown.toInstant()).isEqualTo(due.truncatedTo(ChronoUnit.SECONDS));
            assertThat(notice.getText())
                    .isEqualTo("Your account and everything you made here will be deleted on "
                            + DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH)
                                    .format(shown)
                            + ".");
            browser.screenshot("account-deletion-pending");

            page.findElement(By.cssSelector(".account-menu > summary")).click();
            page.findElement(By.xpath("//button[normalize-space()='Log out']")).click();
            browser.waitUpTo(Duration.ofSeconds(10))
                    .until(ExpectedConditions.presenceOfElementLocated(By.linkText("Log in")));
            assertThat(deletions.pending(member.id())).contains(due);

            browser.logIn(baseUrl(), member);
            assertThat(page.findElement(By.cssSelector(".flash.notice")).getText())
                    .isEqualTo("Welcome back: you logged in, so your account will not be deleted.");
            assertThat(deletions.pending(member.id())).isEmpty();
            browser.screenshot("account-deletion-cancelled-by-login");

            page.get(baseUrl() + "/me/data");
            assertThat(page.findElements(By.xpath("//button[normalize-space()='Delete my account']")))
                    .hasSize(1);
            assertThat(page.findElements(By.cssSelector("#deletion [role=status]")))
                    .isEmpty();
        }
    }
}
