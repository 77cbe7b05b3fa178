package io.sparkfeed.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.sparkfeed.posts.Posts;
import io.sparkfeed.support.Fixtures.TestAccount;
import io.sparkfeed.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.util.UriUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Posts and products on other sites: the embeddable card may be framed by any site, and it is the only page that
 * may; oEmbed answers a post's or a product's address with the card's iframe, validates and bounds its parameters,
 * and knows nothing of hidden posts or other sites' addresses; post and product pages announce it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmbedTests extends IntegrationTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    private Posts posts;

    private TestAccount author;
    private long post;
    private long hidden;
    private long product;

    @BeforeAll
    void content() {
        author = fixtures.enthusiast();
        product = fixtures.product(3);
        post = fixtures.post(author, "An enamel pot worth sharing #embedpot", product);
        hidden = fixtures.post(author, "Taken down");
        posts.hide(hidden, "Spam");
    }

    private MockHttpServletResponse fetch(String path) throws Exception {
        return mvc.perform(get(path)).andReturn().getResponse();
    }

    private static String oembed(String url) {
        return "/oembed?url=" + UriUtils.encodeQueryParam(url, StandardCharsets.UTF_8);
    }

    @Test
    void theCardsMayBeFramedByAnySite() throws Exception {
        for (String path : List.of("/embed/posts/" + post, "/embed/products/" + product)) {
            MockHttpServletResponse card = fetch(path);
            assertThat(card.getStatus()).as(path).isEqualTo(200);
            assertThat(card.getHeader("X-Frame-Options")).as(path).isNull();
            assertThat(card.getHeader("Content-Security-Policy"))
                    .as(path)
                    .contains("frame-ancestors *")
                    .contains("script-src 'self'")
                    .doesNotContain("'none'; frame");
            assertThat(card.getCookies()).as(path).isEmpty();
            Document page = Jsoup.parse(card.getContentAsString(StandardCharsets.UTF_8));
            assertThat(page.select("header.site-header")).as(path).isEmpty();
            assertThat(page.selectFirst("meta[name=robots]").attr("content")).isEqualTo("noindex");
            assertThat(page.select("a[target=_blank]"))
                    .as(path)
                    .allSatisfy(a -> assertThat(a.attr("rel")).contains("noopener"));
        }
        Document card = Jsoup.parse(fetch("/embed/posts/" + post).getContentAsString(StandardCharsets.UTF_8));
        assertThat(card.selectFirst("img").attr("alt")).isEqualTo("A test photo");
        assertThat(card.text()).contains("An enamel pot worth sharing").contains("35.00 USD");
        assertThat(card.selectFirst("link[rel=canonical]").attr("href")).isEqualTo("http://localhost/posts/" + post);
    }

    @Test
    void everyOtherPageRefusesFraming() throws Exception {
        for (String path : List.of("/", "/posts/" + post, "/products/" + product, "/login", "/embedded")) {
            MockHttpServletResponse response = fetch(path);
            assertThat(response.getHeader("X-Frame-Options")).as(path).isEqualTo("DENY");
            assertThat(response.getHeader("Content-Security-Policy")).as(path).contains("frame-ancestors 'none'");
        }
    }

    @Test
    void hiddenPostsAndUnknownThingsHaveNoCard() throws Exception {
        mvc.perform(get("/embed/posts/" + hidden)).andExpect(status().isNotFound());
        mvc.perform(get("/embed/posts/999999999")).andExpect(status().isNotFound());
        mvc.perform(get("/embed/products/999999999")).andExpect(status().isNotFound());
        mvc.perform(get(oembed("http://localhost/posts/" + hidden))).andExpect(status().isNotFound());
    }

    @Test
    void oembedGivesThePostsCardAsAnIframe() throws Exception {
        MockHttpServletResponse response = fetch(oembed("http://localhost/posts/" + post) + "&format=json");
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).startsWith("application/json");
        assertThat(response.getHeader("Cache-Control")).isEqualTo("max-age=300, public");
        JsonNode answer = json.readTree(response.getContentAsString(StandardCharsets.UTF_8));
        assertThat(answer.get("version").asString()).isEqualTo("1.0");
        assertThat(answer.get("type").asString()).isEqualTo("rich");
        assertThat(answer.get("provider_url").asString()).isEqualTo("http://localhost/");
        assertThat(answer.get("author_url").asString()).isEqualTo("http://localhost/@" + author.handle());
        assertThat(answer.get("width").asInt()).isEqualTo(480);
        // the fixtures' photos are 400 × 500: 600 pixels of photo at 480 wide, and the card's text below
        assertThat(answer.get("height").asInt()).isEqualTo(600 + 220);
        Document iframe = Jsoup.parse(answer.get("html").asString());
        assertThat(iframe.selectFirst("iframe").attr("src")).isEqualTo("http://localhost/embed/posts/" + post);
        assertThat(iframe.selectFirst("iframe").attr("title")).isNotBlank();
        assertThat(answer.get("thumbnail_url").asString()).startsWith("http://localhost/media/");

        JsonNode small = json.readTree(mvc.perform(get("/oembed")
                        .param("url", "http://localhost/posts/" + post + "?lang=fr")
                        .param("maxwidth", "200")
                        .param("maxheight", "300"))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(small.get("width").asInt()).isEqualTo(200);
        assertThat(small.get("height").asInt()).isEqualTo(300);
        assertThat(Jsoup.parse(small.get("html").asString())
                        .selectFirst("iframe")
                        .attr("src"))
                .isEqualTo("http://localhost/embed/posts/" + post + "?lang=fr");
        assertThat(small.get("title").asString()).startsWith("Une publication");

        JsonNode forProduct = json.readTree(
                fetch(oembed("http://localhost/products/" + product)).getContentAsString(StandardCharsets.UTF_8));
        assertThat(Jsoup.parse(forProduct.get("html").asString())
                        .selectFirst("iframe")
                        .attr("src"))
                .isEqualTo("http://localhost/embed/products/" + product);
    }

    @Test
    void oembedRefusesBadParametersWithAReason() throws Exception {
        String url = oembed("http://localhost/posts/" + post);
        for (String bad : List.of(
                "/oembed",
                "/oembed?url=",
                oembed("http://localhost/posts/" + post + "?x=" + "a".repeat(2100)),
                url + "&maxwidth=abc",
                url + "&maxwidth=0",
                url + "&maxwidth=-5",
                url + "&maxheight=1000000",
                url + "&maxwidth=1E-999999999")) {
            MockHttpServletResponse response = fetch(bad);
            assertThat(response.getStatus()).as(bad).isEqualTo(400);
            assertThat(json.readTree(response.getContentAsString(StandardCharsets.UTF_8))
                            .get("error")
                            .asString())
                    .as(bad)
                    .isNotBlank();
        }
        assertThat(fetch(url + "&format=xml").getStatus()).isEqualTo(501);
        for (String elsewhere : List.of(
                "https://evil.example/posts/" + post,
                "http://localhost.evil.example/posts/" + post,
                "http://localhost/@" + author.handle(),
                "http://localhost/posts/" + post + "/edit",
                "http://localhost/posts/99999999999999999999")) {
            assertThat(fetch(oembed(elsewhere)).getStatus()).as(elsewhere).isEqualTo(404);
        }
    }

    @Test
    void postAndProductPagesAnnounceTheirOembed() throws Exception {
        for (String path : List.of("/posts/" + post, "/products/" + product)) {
            Document page = page(get(path));
            String href = page.selectFirst("head link[rel=alternate][type=application/json+oembed]")
                    .attr("href");
            assertThat(href)
                    .as(path)
                    .isEqualTo("http://localhost" + oembed("http://localhost" + path) + "&format=json");
            assertThat(fetch(href.substring("http://localhost".length())).getStatus())
                    .as(path)
                    .isEqualTo(200);
        }
    }
}
