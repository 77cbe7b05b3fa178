package io.sparkfeed.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.sparkfeed.posts.Disclosure;
import io.sparkfeed.posts.PostContent;
import io.sparkfeed.posts.Posts;
import io.sparkfeed.support.Fixtures;
import io.sparkfeed.support.Fixtures.TestAccount;
import io.sparkfeed.support.IntegrationTest;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The Atom feeds as a feed reader fetches them: each entry carries the photo, its alt text, the caption, the
 * disclosure and the tagged products with prices; hidden posts stay out; a second fetch with the ETag or the
 * time it was last modified is answered 304 with no body; a feed opens no session, sets no cookie, is public to
 * caches, and costs at most four statements; pages announce their feed in their head.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AtomFeedTests extends IntegrationTest {

    @Autowired
    private Posts posts;

    private TestAccount author;
    private long paid;
    private long hidden;
    private long product;

    @BeforeAll
    void posts() {
        author = fixtures.enthusiast();
        product = fixtures.product(2);
        paid = posts.publish(
                author.id(),
                new PostContent(
                        "A green kettle on a stove",
                        "My morning kettle <b>boils</b> fast #atomkettle",
                        Disclosure.PAID,
                        "Acme & Sons",
                        List.of(new PostContent.Tag(product, new BigDecimal("0.5"), new BigDecimal("0.5"))),
                        List.of(3)),
                Fixtures.jpeg(400, 500, 777_001));
        hidden = fixtures.postIn(3, author, "Taken down #atomkettle");
        posts.hide(hidden, "Spam");
    }

    private MvcResult fetch(String path, String... headers) throws Exception {
        var request = get(path);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return mvc.perform(request).andReturn();
    }

    private Document atom(String path) throws Exception {
        MockHttpServletResponse response = fetch(path).getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        assertThat(response.getContentType()).as(path).startsWith("application/atom+xml");
        return Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8), "", Parser.xmlParser());
    }

    private Element entry(Document feed, long postId) {
        return feed.select("entry").stream()
                .filter(e -> e.selectFirst("id").text().endsWith("/posts/" + postId))
                .findFirst()
                .orElse(null);
    }

    @Test
    void anEntryCarriesThePhotoCaptionDisclosureAndProductsWithPrices() throws Exception {
        Document feed = atom("/feeds/tags/atomkettle.atom");
        assertThat(feed.selectFirst("feed").attr("xmlns")).isEqualTo("http://www.w3.org/2005/Atom");
        assertThat(feed.selectFirst("feed > title").text()).isEqualTo("#atomkettle · Sparkfeed");
        assertThat(feed.selectFirst("feed > link[rel=self]").attr("href"))
                .isEqualTo("http://localhost/feeds/tags/atomkettle.atom");
        assertThat(feed.selectFirst("feed > link[rel=alternate]").attr("href"))
                .isEqualTo("http://localhost/tags/atomkettle");
        assertThat(entry(feed, hidden)).as("a hidden post").isNull();

        Element entry = entry(feed, paid);
        assertThat(entry).isNotNull();
        assertThat(entry.selectFirst("link[rel=alternate]").attr("href")).isEqualTo("http://localhost/posts/" + paid);
        Element photo = entry.selectFirst("link[rel=enclosure]");
        assertThat(photo.attr("type")).isEqualTo("image/jpeg");
        assertThat(photo.attr("href")).matches("http://localhost/media/[0-9a-f]+/\\d+\\.jpg");
        assertThat(photo.attr("title")).isEqualTo("A green kettle on a stove");
        assertThat(entry.selectFirst("author > uri").text()).isEqualTo("http://localhost/@" + author.handle());

        Element content = entry.selectFirst("content");
        assertThat(content.attr("type")).isEqualTo("html");
        // the content is escaped HTML: parse it as a reader would
        Document html = Jsoup.parse(content.text());
        assertThat(html.selectFirst("img").attr("src")).isEqualTo(photo.attr("href"));
        assertThat(html.selectFirst("img").attr("alt")).isEqualTo("A green kettle on a stove");
        assertThat(html.text()).contains("Paid partnership with Acme & Sons");
        assertThat(html.text()).contains("My morning kettle <b>boils</b> fast #atomkettle");
        assertThat(html.select("b")).as("a caption's markup stays text").isEmpty();
        Element item = html.selectFirst("li");
        assertThat(item.selectFirst("a").attr("href")).isEqualTo("http://localhost/products/" + product);
        assertThat(item.text()).contains("Fixture brand · Fixture product").endsWith(": 30.00 USD");
    }

    @Test
    void everyFeedIsPublicCacheableSessionlessAndWithinFourStatements() throws Exception {
        for (String path : List.of(
                "/feeds/posts.atom",
                "/feeds/profiles/" + author.handle() + ".atom",
                "/feeds/tags/atomkettle.atom",
                "/feeds/interests/cooking.atom")) {
            assertThat(statements(get(path))).as(path).isLessThanOrEqualTo(4);
            MvcResult result = fetch(path);
            assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
            assertThat(result.getRequest().getSession(false)).as(path).isNull();
            assertThat(result.getResponse().getHeaders("Set-Cookie")).as(path).isEmpty();
            assertThat(result.getResponse().getHeader("Cache-Control")).as(path).isEqualTo("max-age=300, public");
            Document feed = Jsoup.parse(
                    result.getResponse().getContentAsString(StandardCharsets.UTF_8), "", Parser.xmlParser());
            assertThat(entry(feed, paid)).as(path).isNotNull();
            assertThat(feed.select("entry")).as(path).hasSizeLessThanOrEqualTo(AtomFeeds.ENTRIES);
        }
    }

    @Test
    void aSecondFetchWithTheEtagOrTheDateIsAnswered304UntilSomethingIsPosted() throws Exception {
        String path = "/feeds/profiles/" + author.handle() + ".atom";
        MockHttpServletResponse first = fetch(path).getResponse();
        String etag = first.getHeader("ETag");
        String lastModified = first.getHeader("Last-Modified");
        assertThat(etag).matches("\"[0-9a-f]{32}\"");
        assertThat(lastModified).isNotBlank();

        MockHttpServletResponse byEtag = fetch(path, "If-None-Match", etag).getResponse();
        assertThat(byEtag.getStatus()).isEqualTo(304);
        assertThat(byEtag.getContentAsByteArray()).isEmpty();
        assertThat(byEtag.getHeader("ETag")).isEqualTo(etag);
        assertThat(fetch(path, "If-Modified-Since", lastModified).getResponse().getStatus())
                .isEqualTo(304);

        long newer = fixtures.postIn(3, author, "A newer post #atomkettle");
        MockHttpServletResponse changed = fetch(path, "If-None-Match", etag).getResponse();
        assertThat(changed.getStatus()).isEqualTo(200);
        assertThat(changed.getHeader("ETag")).isNotEqualTo(etag);
        Document feed = Jsoup.parse(changed.getContentAsString(StandardCharsets.UTF_8), "", Parser.xmlParser());
        assertThat(entry(feed, newer)).isNotNull();
    }

    @Test
    void theLanguageComesFromTheUrlOnly() throws Exception {
        Document feed = atom("/feeds/tags/atomkettle.atom?lang=fr");
        assertThat(feed.selectFirst("feed").attr("xml:lang")).isEqualTo("fr");
        assertThat(Jsoup.parse(entry(feed, paid).selectFirst("content").text()).text())
                .contains("Partenariat rémunéré avec Acme & Sons")
                .contains("30,00 USD");
        assertThat(fetch("/feeds/tags/atomkettle.atom?lang=fr").getResponse().getHeaders("Set-Cookie"))
                .isEmpty();
        assertThat(atom("/feeds/interests/cooking.atom?lang=fr")
                        .selectFirst("feed > title")
                        .text())
                .isEqualTo("Cuisine · Sparkfeed");
    }

    @Test
    void unknownProfilesInterestsAndTagsAreNotFound() throws Exception {
        mvc.perform(get("/feeds/profiles/nobody-here-at-all.atom")).andExpect(status().isNotFound());
        mvc.perform(get("/feeds/interests/no-such-interest.atom")).andExpect(status().isNotFound());
        mvc.perform(get("/feeds/tags/not-a-tag.atom")).andExpect(status().isNotFound());
    }

    @Test
    void listPagesAnnounceTheirFeedInTheirHead() throws Exception {
        assertThat(feedLink("/")).isEqualTo("/feeds/posts.atom");
        assertThat(feedLink("/@" + author.handle())).isEqualTo("/feeds/profiles/" + author.handle() + ".atom");
        assertThat(feedLink("/tags/atomkettle")).isEqualTo("/feeds/tags/atomkettle.atom");
        assertThat(feedLink("/interests/cooking")).isEqualTo("/feeds/interests/cooking.atom");
        assertThat(feedLink("/interests/cooking?lang=fr")).isEqualTo("/feeds/interests/cooking.atom?lang=fr");
    }

    private String feedLink(String path) throws Exception {
        Element link = page(get(path)).selectFirst("head link[rel=alternate][type=application/atom+xml]");
        assertThat(link).as(path).isNotNull();
        assertThat(link.attr("title")).as(path).isNotBlank();
        return link.attr("href");
    }
}
