package io.sparkfeed.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkfeed.support.Browser;
import io.sparkfeed.support.Fixtures;
import io.sparkfeed.support.IntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A person picks a photo that is too big: in Chromium, through the real server, the form comes back with the
 * reason (not a reset connection or a bare error page), and nothing is stored.
 */
class UploadLimitBrowserTests extends IntegrationTest {

    private static final int MB = 1024 * 1024;

    @Test
    void aPhotoTooLargeForTheServerComesBackOnTheFormWithTheReason() throws Exception {
        var member = fixtures.primeMember();
        Path small = photoOf(11 * MB);
        Path huge = photoOf(30 * MB);
        long posts = count("select count(*) from posts");
        long images = count("select count(*) from images");

        try (Browser browser = new Browser()) {
            WebDriver page = browser.driver();
            page.get(baseUrl() + "/login");
            page.findElement(By.id("login")).sendKeys(member.email());
            page.findElement(By.id("password")).sendKeys(Fixtures.PASSWORD);
            page.findElement(By.cssSelector("form button[type=submit]")).click();
            browser.waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.urlToBe(baseUrl() + "/"));

            // over the photo limit, under the request limit: the form comes back as typed, with the reason
            page.get(baseUrl() + "/posts/new");
            fillIn(page, small);
            page.findElement(By.cssSelector("form[data-post-form] button[type=submit]"))
                    .click();
            browser.waitUpTo(Duration.ofSeconds(30))
                    .until(ExpectedConditions.textToBePresentInElementLocated(
                            By.cssSelector(".flash.problem"),
                            "This photo is larger than 10 MB. Upload a smaller file."));
            assertThat(page.findElement(By.id("altText")).getAttribute("value")).isEqualTo("A lamp");

            // over the request limit, from the form as it came back: the form again, with the reason
            page.findElement(By.id("photo")).sendKeys(huge.toAbsolutePath().toString());
            page.findElement(By.cssSelector("form[data-post-form] button[type=submit]"))
                    .click();
            browser.waitUpTo(Duration.ofSeconds(60))
                    .until(ExpectedConditions.textToBePresentInElementLocated(
                            By.cssSelector(".flash.problem"),
                            "That file is far too large. Photos can be up to 10 MB."));
            assertThat(page.findElements(By.id("photo"))).hasSize(1);

            // and from a fresh form
            page.get(baseUrl() + "/posts/new");
            fillIn(page, huge);
            page.findElement(By.cssSelector("form[data-post-form] button[type=submit]"))
                    .click();
            browser.waitUpTo(Duration.ofSeconds(60))
                    .until(ExpectedConditions.textToBePresentInElementLocated(
                            By.cssSelector(".flash.problem"),
                            "That file is far too large. Photos can be up to 10 MB."));
            assertThat(page.getCurrentUrl()).isEqualTo(baseUrl() + "/posts/new");
            assertThat(page.findElements(By.id("photo"))).hasSize(1);
            browser.screenshot("upload-too-large");
        } finally {
            Files.deleteIfExists(small);
            Files.deleteIfExists(huge);
        }
        assertThat(count("select count(*) from posts")).isEqualTo(posts);
        assertThat(count("select count(*) from images")).isEqualTo(images);
    }

    private static void fillIn(WebDriver page, Path photo) {
        page.findElement(By.id("photo")).sendKeys(photo.toAbsolutePath().toString());
        page.findElement(By.id("altText")).sendKeys("A lamp");
        page.findElement(By.xpath("//label[contains(@class,'chip')][normalize-space()='Home & décor']"))
                .click();
    }

    /** A real JPEG padded to the given size, as a file the browser can pick. */
    private static Path photoOf(int size) throws Exception {
        Path file = Files.createTempFile("sparkfeed-big", ".jpg");
        Files.write(file, Arrays.copyOf(Fixtures.jpeg(1200, 900, size), size));
        return file;
    }
}
