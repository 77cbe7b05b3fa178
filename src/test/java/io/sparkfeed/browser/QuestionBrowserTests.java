package io.sparkfeed.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkfeed.support.Browser;
import io.sparkfeed.support.IntegrationTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Someone asks about a product from a post that tags it; the person who posted it answers on the product's
 * questions, and the answer carries "Posted it".
 */
class QuestionBrowserTests extends IntegrationTest {

    @Test
    void aQuestionAskedOnAPostIsAnsweredByThePoster() {
        long product = fixtures.product(6);
        var poster = fixtures.primeMember();
        var asker = fixtures.person();
        long post = fixtures.post(poster, "My favourite lamp " + poster.handle(), product);
        String question = "Is the shade glass or plastic? " + asker.handle();

        try (Browser browser = new Browser()) {
            WebDriver page = browser.driver();
            browser.logIn(baseUrl(), asker);
            page.get(baseUrl() + "/posts/" + post);
            page.findElement(By.id("ask-body")).sendKeys(question);
            page.findElement(By.cssSelector("#ask button[type=submit]")).click();
            browser.waitUpTo(Duration.ofSeconds(10))
                    .until(ExpectedConditions.urlContains("/products/" + product + "/questions"));
            assertThat(page.findElement(By.cssSelector(".question-list")).getText())
                    .contains(question);
        }

        try (Browser browser = new Browser()) {
            WebDriver page = browser.driver();
            browser.logIn(baseUrl(), poster);
            page.get(baseUrl() + "/products/" + product + "/questions");
            WebElement asked = page.findElements(By.cssSelector(".question")).stream()
                    .filter(q -> q.getText().contains(question))
                    .findFirst()
                    .orElseThrow();
            String id = asked.getAttribute("id");
            asked.findElement(By.cssSelector("textarea[name=body]")).sendKeys("Glass, and heavy.");
            asked.findElement(By.cssSelector(".answer-form button[type=submit]"))
                    .click();
            browser.waitUpTo(Duration.ofSeconds(10))
                    .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#" + id + " .answer")));
            WebElement answer = page.findElement(By.cssSelector("#" + id + " .answer"));
            assertThat(answer.getText()).contains("Posted it").contains("Glass, and heavy.");
            // the answerer's name is a link in running text like the asker's: both are underlined, not only on hover
            WebElement askerLink = page.findElement(By.cssSelector("#" + id + " a[href='/@" + asker.handle() + "']"));
            WebElement answererLink = answer.findElement(By.cssSelector("a[href='/@" + poster.handle() + "']"));
            assertThat(askerLink.getCssValue("text-decoration-line")).isEqualTo("underline");
            assertThat(answererLink.getCssValue("text-decoration-line")).isEqualTo("underline");
            browser.screenshot("question-answered-desktop");
        }
    }
}
