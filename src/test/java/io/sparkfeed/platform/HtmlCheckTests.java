package io.sparkfeed.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.sparkfeed.questions.Questions;
import io.sparkfeed.support.Fixtures.TestAccount;
import io.sparkfeed.support.HtmlChecker;
import io.sparkfeed.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The Nu HTML checker (the W3C's validator, in-process) finds no error in the main pages as the tests render
 * them, for visitors and for a signed-in member, in English and French, and in the embeddable cards.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HtmlCheckTests extends IntegrationTest {

    @Autowired
    Questions questions;

    private TestAccount author;
    private long post;
    private long product;

    @BeforeAll
    void content() {
        author = fixtures.enthusiast();
        product = fixtures.product(0);
        post = fixtures.postIn(3, author, "A pan & a whisk <b>for</b> \"pancakes\" #htmlcheck", product);
        long question = questions.ask(fixtures.person().id(), product, post, "Is it <b>non-stick</b> & light?");
        questions.answer(author.id(), question, "Yes, \"very\" & it <i>is</i>.");
    }

    private List<String> pages() {
        return List.of(
                "/",
                "/posts/" + post,
                "/products/" + product,
                "/products/" + product + "?lang=fr",
                "/@" + author.handle(),
                "/tags/htmlcheck",
                "/interests/cooking",
                "/interests",
                "/search?q=pan",
                "/search",
                "/login",
                "/signup",
                "/prime",
                "/embed/posts/" + post,
                "/embed/products/" + product,
                "/products/" + product + "/questions",
                "/posts/" + post + "?lang=fr");
    }

    private String html(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void visitorsPagesHaveNoHtmlErrors() throws Exception {
        for (String path : pages()) {
            assertThat(HtmlChecker.errors(html(get(path)))).as(path).isEmpty();
        }
    }

    @Test
    void aMembersPagesHaveNoHtmlErrors() throws Exception {
        for (String path :
                List.of("/", "/posts/" + post, "/products/" + product, "/@" + author.handle(), "/posts/new")) {
            assertThat(HtmlChecker.errors(html(get(path).with(author.login()))))
                    .as(path)
                    .isEmpty();
        }
        // the questions with their ask and answer forms, and with an admin's takedown forms
        for (TestAccount reader : List.of(author, fixtures.admin())) {
            String path = "/products/" + product + "/questions";
            assertThat(HtmlChecker.errors(html(get(path).with(reader.login()))))
                    .as(path)
                    .isEmpty();
        }
    }

    @Test
    void theErrorPagesHaveNoHtmlErrors() throws Exception {
        // error pages come from the server's error dispatch, which MockMvc does not make: asked over HTTP
        var client = HttpClient.newHttpClient();
        var response = client.send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "/no-such-page")).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("<form");
        assertThat(HtmlChecker.errors(response.body())).isEmpty();
    }

    @Test
    void theCheckerFindsErrors() {
        // the check cannot pass by not running: a broken page is reported
        assertThat(HtmlChecker.errors("<!DOCTYPE html><html lang=en><head><title>x</title></head>"
                        + "<body><p><div id=a></div><span id=a></span></body></html>"))
                .isNotEmpty();
    }
}
