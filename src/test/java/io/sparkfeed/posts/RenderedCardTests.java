package io.sparkfeed.posts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.sparkfeed.accounts.Follows;
import io.sparkfeed.catalog.Catalog;
import io.sparkfeed.catalog.ProductDraft;
import io.sparkfeed.collections.Collections;
import io.sparkfeed.collections.SaveTarget;
import io.sparkfeed.support.Fixtures.TestAccount;
import io.sparkfeed.support.IntegrationTest;
import jakarta.servlet.http.Cookie;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A feed card is rendered once per kind of reader and then served from memory: it must still show every change to
 * the post at once, in the reader's language, and never carry one reader's state (their smile, follow, save, bought marks
 * or CSRF token) to another.
 */
class RenderedCardTests extends IntegrationTest {

    @Autowired
    Reactions reactions;

    @Autowired
    Catalog catalog;

    @Autowired
    Follows follows;

    @Autowired
    Collections collections;

    private Element card(MockHttpServletRequestBuilder request, long post) throws Exception {
        String html = mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        Element card = Jsoup.parse(html).getElementById("post-" + post);
        assertThat(card).as("the card of post " + post).isNotNull();
        return card;
    }

    private long productWithStock(int stock) {
        return catalog.create(
                null,
                new ProductDraft(
                        "Card lamp " + UUID.randomUUID().toString().substring(0, 8),
                        "Card brand",
                        new BigDecimal("1234.5"),
                        "USD",
                        "A lamp.",
                        "Home",
                        stock,
                        true,
                        List.of()));
    }

    @Test
    void aVisitorsCardShowsEveryChangeToThePostAtOnce() throws Exception {
        String tag = "cardchange" + UUID.randomUUID().toString().substring(0, 6);
        long product = productWithStock(3);
        long post = fixtures.postIn(2, fixtures.enthusiast(), "Changing #" + tag, product);
        var page = get("/tags/" + tag).header("Accept-Language", "en");

        Element before = card(page, post);
        assertThat(before.select(".smile-count .count").text()).isEqualTo("0");
        assertThat(before.select("[data-card-buy]")).hasSize(1);
        assertThat(before.select(".hc-price").text()).isEqualTo("1,234.50 USD");
        assertThat(card(page, post).outerHtml()).isEqualTo(before.outerHtml());

        reactions.smile(fixtures.primeMember().id(), post);
        jdbc.sql("update products set stock = 0 where id = ?").param(product).update();
        Element after = card(page, post);
        assertThat(after.select(".smile-count .count").text()).isEqualTo("1");
        assertThat(after.select("[data-card-buy]")).isEmpty();
        assertThat(after.select("[data-sold-out]").text()).isEqualTo("Sold out");
    }

    @Test
    void aPagesFirstPhotoIsFetchedFirstAndTheRestWhenTheyComeNearTheScreen() throws Exception {
        String tag = "cardlead" + UUID.randomUUID().toString().substring(0, 6);
        long product = fixtures.product(0); // with a photo
        for (int i = 0; i < 3; i++) {
            fixtures.postIn(2, fixtures.enthusiast(), "Lead " + i + " #" + tag, product);
        }
        for (var reader : List.of(
                get("/tags/" + tag),
                get("/tags/" + tag).with(fixtures.primeMember().login()))) {
            for (int visit = 0; visit < 2; visit++) { // rendered, then from memory
                var photos = photos(reader);
                assertThat(photos).hasSize(3);
                assertThat(photos.get(0).attr("loading")).isEqualTo("eager");
                assertThat(photos.get(0).attr("fetchpriority")).isEqualTo("high");
                assertThat(photos.subList(1, 3))
                        .allSatisfy(photo -> assertThat(photo.attr("loading")).isEqualTo("lazy"))
                        .allSatisfy(photo ->
                                assertThat(photo.hasAttr("fetchpriority")).isFalse());
                // the hotspot cards' product photos wait until a card is opened
                assertThat(Jsoup.parse(html(reader)).select(".hotspot-card img"))
                        .hasSize(3)
                        .allSatisfy(photo -> assertThat(photo.attr("loading")).isEqualTo("lazy"));
            }
        }
        // cards that htmx appends as the reader scrolls are below the screen: none is fetched first
        assertThat(photos(get("/tags/" + tag).header("HX-Request", "true")))
                .hasSize(3)
                .allSatisfy(photo -> assertThat(photo.attr("loading")).isEqualTo("lazy"));
    }

    private List<Element> photos(MockHttpServletRequestBuilder request) throws Exception {
        return Jsoup.parse(html(request)).select(".post-card .photo > img");
    }

    private String html(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    @Test
    void aVisitorsCachedCardShowsWhatUsersWroteAsText() throws Exception {
        // the layout inserts the cached card unescaped (th:utext): the card fragment must have escaped it already
        String tag = "cardxss" + UUID.randomUUID().toString().substring(0, 6);
        String caption = "<script>alert(1)</script><img src=x onerror=alert(2)> #" + tag;
        long post = fixtures.postIn(2, fixtures.enthusiast(), caption, productWithStock(2));

        Element card = card(get("/tags/" + tag).header("Accept-Language", "en"), post);
        assertThat(card.select("script")).isEmpty();
        assertThat(card.select("img[onerror]")).isEmpty();
        assertThat(card.text()).contains("<script>alert(1)</script><img src=x onerror=alert(2)>");
    }

    @Test
    void aVisitorsCardIsInTheirLanguageWithInterestLinksOnlyWhereThePageHasThem() throws Exception {
        String tag = "cardlang" + UUID.randomUUID().toString().substring(0, 6);
        long post = fixtures.postIn(2, fixtures.enthusiast(), "Language #" + tag, productWithStock(5));

        Element english = card(get("/tags/" + tag).header("Accept-Language", "en"), post);
        Element french = card(get("/tags/" + tag).header("Accept-Language", "fr"), post);
        assertThat(english.select(".open-post").text()).startsWith("See the post by ");
        assertThat(english.select(".hc-price").text()).isEqualTo("1,234.50 USD");
        assertThat(french.select(".open-post").text()).startsWith("Voir la publication de ");
        assertThat(french.select("[data-card-buy]").text()).isEqualTo("Acheter");
        assertThat(french.select(".hc-price").text()).endsWith("234,50 USD");
        assertThat(english.select(".card-interests a").attr("href")).isEqualTo("/interests/home");

        // search has no interest map: the same post's card there links none
        Element searched = card(get("/search").param("q", tag).header("Accept-Language", "en"), post);
        assertThat(searched.select(".card-interests")).isEmpty();
        assertThat(searched.select(".open-post").text()).startsWith("See the post by ");
    }

    @Test
    void aSignedInReaderGetsTheirOwnCardAndAVisitorNothingOfIt() throws Exception {
        String tag = "cardreader" + UUID.randomUUID().toString().substring(0, 6);
        TestAccount author = fixtures.enthusiast();
        TestAccount reader = fixtures.primeMember();
        long post = fixtures.postIn(2, author, "Mine? #" + tag, productWithStock(5));
        var page = get("/tags/" + tag).header("Accept-Language", "en");
        card(page, post);
        reactions.smile(reader.id(), post);

        Element own = card(get("/tags/" + tag).header("Accept-Language", "en").with(reader.login()), post);
        assertThat(own.select(".smile-button").attr("aria-pressed")).isEqualTo("true");
        assertThat(own.select(".follow form")).hasSize(1);
        assertThat(own.select("[data-card-cart]")).hasSize(1);
        assertThat(own.select("input[name=_csrf]")).isNotEmpty();

        Element visitors = card(page, post);
        assertThat(visitors.select(".smile-count .count").text()).isEqualTo("1");
        assertThat(visitors.select("form")).isEmpty();
        assertThat(visitors.select("input[name=_csrf]")).isEmpty();
    }

    @Test
    void readersInDifferentStatesShareNoCardAndReadersInTheSameStateShareOne() throws Exception {
        String tag = "cardstates" + UUID.randomUUID().toString().substring(0, 6);
        TestAccount author = fixtures.enthusiast();
        TestAccount fan = fixtures.primeMember();
        TestAccount stranger = fixtures.primeMember();
        TestAccount other = fixtures.primeMember();
        TestAccount nonMember = fixtures.person();
        long post = fixtures.postIn(2, author, "States #" + tag, productWithStock(5));
        reactions.smile(fan.id(), post);
        follows.follow(fan.id(), author.id());
        collections.save(fan.id(), SaveTarget.post(post), null);
        // in turns, so that each reading finds the others' renderings in memory
        for (int round = 0; round < 2; round++) {
            Element fans =
                    card(get("/tags/" + tag).header("Accept-Language", "en").with(fan.login()), post);
            assertThat(fans.select(".smile-button").attr("aria-pressed")).isEqualTo("true");
            assertThat(fans.select(".follow button").text()).isEqualTo("Following");
            assertThat(fans.select("form[action$=/unfollow]")).hasSize(1);
            assertThat(fans.select(".save-button").attr("aria-pressed")).isEqualTo("true");
            assertThat(fans.select(".save-button .count").text()).isEqualTo("1");

            Element strangers =
                    card(get("/tags/" + tag).header("Accept-Language", "en").with(stranger.login()), post);
            assertThat(strangers.select(".smile-button").attr("aria-pressed")).isEqualTo("false");
            assertThat(strangers.select(".follow button").text()).isEqualTo("Follow");
            assertThat(strangers.select(".smile-button .count").text()).isEqualTo("1");
            assertThat(strangers.select(".save-button").attr("aria-pressed")).isEqualTo("false");
            assertThat(strangers.select(".save-button .count").text()).isEqualTo("1");

            // another reader in the stranger's state gets the same card, but with the forms of their own request
            Element others =
                    card(get("/tags/" + tag).header("Accept-Language", "en").with(other.login()), post);
            assertThat(withoutTokens(others)).isEqualTo(withoutTokens(strangers));

            Element authors =
                    card(get("/tags/" + tag).header("Accept-Language", "en").with(author.login()), post);
            assertThat(authors.select(".follow")).isEmpty();
            assertThat(authors.select(".smile-button")).hasSize(1);

            Element nonMembers =
                    card(get("/tags/" + tag).header("Accept-Language", "en").with(nonMember.login()), post);
            assertThat(nonMembers.select(".smile-button")).isEmpty();
            assertThat(nonMembers.select(".smile-count .count").text()).isEqualTo("1");
            assertThat(nonMembers.select(".follow")).isEmpty();
            assertThat(nonMembers.select("[data-card-cart]")).hasSize(1);
        }
    }

    @Test
    void aCachedCardsFormsCarryTheirOwnRequestsWorkingToken() throws Exception {
        String tag = "cardtoken" + UUID.randomUUID().toString().substring(0, 6);
        TestAccount reader = fixtures.primeMember();
        long product = productWithStock(5);
        long post = fixtures.postIn(2, fixtures.enthusiast(), "Token #" + tag, product);
        card(get("/tags/" + tag).with(fixtures.primeMember().login()), post); // rendered for someone else first

        // the browser's CSRF cookie, as an earlier page set it: the page's tokens are derived from it
        Cookie tokenCookie = new Cookie("XSRF-TOKEN", UUID.randomUUID().toString());
        var response = mvc.perform(get("/tags/" + tag).with(reader.login()).cookie(tokenCookie))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse();
        Document page = Jsoup.parse(response.getContentAsString());
        assertThat(response.getContentAsString()).doesNotContain("Placeholder");
        Element card = page.getElementById("post-" + post);
        String pageToken = page.select("meta[name=_csrf]").attr("content");
        assertThat(card.select("input[name=_csrf]"))
                .isNotEmpty()
                .allSatisfy(input -> assertThat(input.val()).isEqualTo(pageToken));

        // and every cookie the page set, as a browser sends them back (once a test of this context has used
        // Spring Security's csrf() post-processor, the CSRF filter keeps its tokens in the session instead)
        List<Cookie> cookies = new ArrayList<>(List.of(response.getCookies()));
        cookies.add(tokenCookie);
        Cookie[] browser = cookies.toArray(Cookie[]::new);

        Element cartForm = card.selectFirst("form[data-card-cart]");
        mvc.perform(post(cartForm.attr("action"))
                        .with(reader.login())
                        .cookie(browser)
                        .param("product", String.valueOf(product))
                        .param("from", String.valueOf(post))
                        .param("_csrf", cartForm.select("input[name=_csrf]").val()))
                .andExpect(status().is3xxRedirection());
        assertThat(count("select count(*) from cart_lines where account_id = " + reader.id()))
                .isEqualTo(1);
        mvc.perform(post(cartForm.attr("action"))
                        .with(reader.login())
                        .cookie(browser)
                        .param("product", String.valueOf(product))
                        .param("_csrf", "forged"))
                .andExpect(status().isForbidden());
    }

    private static String withoutTokens(Element card) {
        Element copy = card.clone();
        copy.select("input[name=_csrf]").remove();
        return copy.outerHtml();
    }
}
