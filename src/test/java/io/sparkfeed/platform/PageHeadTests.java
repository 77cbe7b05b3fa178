package io.sparkfeed.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.sparkfeed.support.Fixtures.TestAccount;
import io.sparkfeed.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The head of every public page as a search engine reads it: one canonical URL, absolute, in the language the page
 * is shown in; alternate links for English, French and x-default with the language in the URL; a meta description
 * of bounded length, from the page's own content where it has some; absolute og:image. Choosing a language opens
 * no session. Visitors' pages may be kept for the back/forward cache ({@code no-cache}, never {@code no-store});
 * signed-in pages are private and never stored.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PageHeadTests extends IntegrationTest {

    private TestAccount author;
    private long post;
    private long product;
    private List<String> pages;

    @BeforeAll
    void content() {
        author = fixtures.enthusiast();
        product = fixtures.product(1);
        post = fixtures.postIn(3, author, "A cast iron pan that lasts forever #headpan", product);
        pages = List.of(
                "/",
                "/posts/" + post,
                "/products/" + product,
                "/@" + author.handle(),
                "/tags/headpan",
                "/interests/cooking",
                "/interests",
                "/search",
                "/search?q=pan",
                "/login",
                "/signup");
    }

    private MvcResult fetch(String path) throws Exception {
        return mvc.perform(get(path)).andReturn();
    }

    private static Document html(MvcResult result) throws Exception {
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        return Jsoup.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private static String href(Document page, String selector) {
        List<Element> links = page.select(selector);
        assertThat(links).as(selector).hasSize(1);
        return links.get(0).attr("href");
    }

    @Test
    void everyPublicPageHasACanonicalUrlLanguageAlternatesAndADescription() throws Exception {
        for (String path : pages) {
            Document page = html(fetch(path));
            String plain = "http://localhost" + path;
            String separator = path.contains("?") ? "&" : "?";
            assertThat(href(page, "head link[rel=canonical]")).as(path).isEqualTo(plain);
            assertThat(href(page, "head link[rel=alternate][hreflang=en]"))
                    .as(path)
                    .isEqualTo(plain + separator + "lang=en");
            assertThat(href(page, "head link[rel=alternate][hreflang=fr]"))
                    .as(path)
                    .isEqualTo(plain + separator + "lang=fr");
            assertThat(href(page, "head link[rel=alternate][hreflang=x-default]"))
                    .as(path)
                    .isEqualTo(plain);
            List<Element> descriptions = page.select("head meta[name=description]");
            assertThat(descriptions).as(path).hasSize(1);
            assertThat(descriptions.get(0).attr("content"))
                    .as(path)
                    .isNotBlank()
                    .hasSizeLessThanOrEqualTo(160);
            for (Element image : page.select("head meta[property=og:image]")) {
                assertThat(image.attr("content")).as(path).startsWith("http://localhost/media/");
            }
        }
    }

    @Test
    void descriptionsComeFromThePagesOwnContent() throws Exception {
        assertThat(description("/posts/" + post)).isEqualTo("A cast iron pan that lasts forever #headpan");
        assertThat(description("/products/" + product)).startsWith("Fixture brand · Fixture product");
        assertThat(description("/@" + author.handle())).contains("@" + author.handle());
        assertThat(description("/tags/headpan")).contains("#headpan");
        assertThat(description("/interests/cooking")).startsWith("Cooking on Sparkfeed");
        assertThat(description("/search?q=pan")).contains("“pan”");
        assertThat(description("/search?q=" + "x".repeat(300))).hasSizeLessThanOrEqualTo(160);
        assertThat(description("/posts/" + post + "?lang=fr")).isEqualTo("A cast iron pan that lasts forever #headpan");
        assertThat(description("/interests/cooking?lang=fr")).startsWith("Cuisine sur Sparkfeed");
        assertThat(html(fetch("/posts/" + post))
                        .selectFirst("head meta[property=og:image]")
                        .attr("content"))
                .matches("http://localhost/media/[0-9a-f]+/\\d+\\.jpg");
    }

    private String description(String path) throws Exception {
        return html(fetch(path)).selectFirst("head meta[name=description]").attr("content");
    }

    @Test
    void theLanguageInTheUrlChoosesThePageAndItsCanonicalWithoutASession() throws Exception {
        MvcResult french = fetch("/tags/headpan?lang=fr");
        Document page = html(french);
        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("fr");
        assertThat(href(page, "head link[rel=canonical]")).isEqualTo("http://localhost/tags/headpan?lang=fr");
        assertThat(href(page, "head link[rel=alternate][hreflang=en]"))
                .isEqualTo("http://localhost/tags/headpan?lang=en");
        assertThat(french.getRequest().getSession(false)).isNull();
        assertThat(french.getResponse().getCookies())
                .extracting(c -> c.getName())
                .doesNotContain("SESSION");
        // a cursor or a page size is the same page: the canonical leaves them out
        assertThat(href(html(fetch("/tags/headpan?size=5&lang=en")), "head link[rel=canonical]"))
                .isEqualTo("http://localhost/tags/headpan?lang=en");
        assertThat(href(html(fetch("/tags/headpan?size=5")), "head link[rel=canonical]"))
                .isEqualTo("http://localhost/tags/headpan");
    }

    @Test
    void visitorsPagesMayEnterTheBackForwardCacheSignedInPagesAreNeverStored() throws Exception {
        for (String path : pages) {
            MockHttpServletResponse response = fetch(path).getResponse();
            assertThat(response.getHeader("Cache-Control")).as(path).isEqualTo("private, no-cache");
            assertThat(response.getHeaders("Cache-Control")).as(path).hasSize(1);
        }
        for (String path : List.of("/", "/posts/" + post, "/notifications")) {
            MockHttpServletResponse response =
                    mvc.perform(get(path).with(author.login())).andReturn().getResponse();
            assertThat(response.getStatus()).as(path).isEqualTo(200);
            assertThat(response.getHeader("Cache-Control"))
                    .as(path)
                    .contains("private")
                    .contains("no-store");
        }
    }
}
