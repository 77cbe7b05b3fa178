package io.sparkfeed.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import io.sparkfeed.accounts.Follows;
import io.sparkfeed.catalog.Catalog;
import io.sparkfeed.catalog.ProductDraft;
import io.sparkfeed.catalog.ProductView;
import io.sparkfeed.posts.Posts;
import io.sparkfeed.posts.Reactions;
import io.sparkfeed.support.IntegrationTest;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class SearchAndNotificationTests extends IntegrationTest {

    @Autowired
    Posts posts;

    @Autowired
    Reactions reactions;

    @Autowired
    Follows follows;

    @Autowired
    Catalog catalog;

    /** A product of the test's own: no test here needs the demo catalog. */
    private long product(String title, String brand, String description) {
        return catalog.create(
                null,
                new ProductDraft(
                        title, brand, new BigDecimal("25.00"), "USD", description, "Home", 5, true, List.of()));
    }

    @Test
    void theObviousResultRanksFirst() throws Exception {
        // a brand's account and its products share a name: both come first when it is searched
        var brand = fixtures.brand();
        product("Trail jacket", brand.handle() + " Outfitters", "A jacket for the rain.");
        Document byBrand = page(get("/search").param("q", brand.handle()));
        assertThat(byBrand.select(".product-results .hc-brand").first().text())
                .isEqualToIgnoringCase(brand.handle() + " Outfitters");
        assertThat(byBrand.select(".account-list .author-handle").first().text())
                .isEqualTo("@" + brand.handle());

        // both words: the newer product (first among equals) has only one of them
        product("Wireless quillphones", "Sound Co", "Over-ear, with noise cancelling.");
        product("Quillphones stand", "Sound Co", "Holds any pair.");
        Document byTitle = page(get("/search").param("q", "wireless quillphones"));
        assertThat(byTitle.select(".product-results .hc-title").first().text()).isEqualTo("Wireless quillphones");

        // only the French part of the description says "gourde": the English words do not help here
        product(
                "Insulated trekking flask",
                "Outdoor Co",
                "Keeps drinks cold for 24 hours. Gourde isotherme pour randonneurs : fraîche 24 heures.");
        Document french = page(get("/search").param("q", "gourde isotherme randonneurs"));
        assertThat(french.select(".product-results .hc-title").first().text()).isEqualTo("Insulated trekking flask");

        var author = fixtures.primeMember();
        fixtures.post(author, "My zanzibarian espresso ritual #zanzibarcoffee");
        Document byCaption = page(get("/search").param("q", "zanzibarian espresso"));
        assertThat(byCaption.select("article.post-card .caption").first().text())
                .contains("zanzibarian espresso");
        Document byHandle = page(get("/search").param("q", author.handle()));
        assertThat(byHandle.select(".account-list .author-handle").first().text())
                .isEqualTo("@" + author.handle());
    }

    private List<String> captions(String query) throws Exception {
        return page(get("/search").param("q", query))
                .select("article.post-card .caption")
                .eachText();
    }

    @Test
    void frenchWordsAreFoundWhateverTheirEndingsAndAccents() throws Exception {
        var author = fixtures.primeMember();
        fixtures.post(author, "Ma chaussure préférée pour courir sur les quais de Quimperlé. #course");
        fixtures.post(author, "Un coin lecture tout doux : la lampe en laiton fait tout le décor. #maison");
        fixtures.post(author, "Café du matin dans ma tasse en grès, avant que Quimperlé se réveille.");
        assertThat(captions("chaussures"))
                .anyMatch(c -> c.startsWith("Ma chaussure préférée"))
                .noneMatch(c -> c.contains("chaussures"));
        assertThat(captions("decor")).anyMatch(c -> c.contains("fait tout le décor"));
        assertThat(captions("cafe du matin quimperle")).first().asString().startsWith("Café du matin");
        // and an accent typed where the text has none
        product("Brass reading lamp", "Lumen Zarrow", "A warm, dimmable light.");
        assertThat(page(get("/search").param("q", "Lumen Zârrow"))
                        .select(".product-results .hc-title")
                        .first()
                        .text())
                .isEqualTo("Brass reading lamp");

        // English stemming still works: only the English stemmer makes "zorbled" and "zorbling" one word
        fixtures.post(author, "Quietly zorbling along the canal");
        assertThat(captions("zorbled")).containsExactly("Quietly zorbling along the canal");
        assertThat(captions("zorble")).containsExactly("Quietly zorbling along the canal");
    }

    @Test
    void renamingAProductRefreshesThePostsThatTagIt() throws Exception {
        long product = product("Quokkafrob kettle", "Marsupial Works", "A kettle.");
        long post = fixtures.post(fixtures.primeMember(), "My new kettle", product);
        assertThat(postIds(page(get("/search").param("q", "quokkafrob")))).containsExactly(post);

        var admin = fixtures.admin();
        ProductView p = catalog.get(product);
        catalog.update(
                admin.id(),
                product,
                new ProductDraft(
                        "Wombatzing kettle",
                        "Koala Labs",
                        p.price(),
                        p.currency(),
                        p.description(),
                        p.category(),
                        p.stock(),
                        true,
                        List.of()),
                "renamed");

        assertThat(postIds(page(get("/search").param("q", "wombatzing")))).containsExactly(post);
        assertThat(postIds(page(get("/search").param("q", "koala labs")))).containsExactly(post);
        assertThat(postIds(page(get("/search").param("q", "quokkafrob")))).isEmpty();
        assertThat(postIds(page(get("/search").param("q", "marsupial")))).isEmpty();
    }

    private static List<Long> postIds(Document d) {
        return d.select("article.post-card").stream()
                .map(e -> Long.parseLong(e.id().substring(5)))
                .toList();
    }

    @Test
    void oddQueriesGiveAnEmptyResultOrAClearMessageNeverAnError() throws Exception {
        fixtures.product(0); // the tests' own catalog, with its "Fixture product lamp"
        for (String odd : new String[] {
            "",
            "   ",
            "\"",
            "&|!:*",
            "'); drop table posts; --",
            "((((",
            "-",
            "a & | b",
            "\u0000",
            "lamp\u0000",
            "a\u0000b",
            "\u0007\u001b[31m",
            "\t\r\n",
            "\u0085\u009f",
            "\u007f"
        }) {
            Document d = page(get("/search").param("q", odd));
            assertThat(d.select("h1, .search-row")).isNotEmpty();
        }
        // a control character is a space: "lamp\0" is "lamp"
        assertThat(page(get("/search").param("q", "lamp\u0000"))
                        .select(".product-results .hc-title")
                        .eachText())
                .contains("Fixture product lamp");
        Document longQuery = page(get("/search").param("q", "lamp ".repeat(1000)));
        assertThat(longQuery.select(".flash.problem").text()).contains("only its first 200 characters");

        // and through the real server, where the query string is decoded by the servlet container
        HttpClient http = HttpClient.newHttpClient();
        for (String encoded : new String[] {"%00", "lamp%00", "%07%1B%7F", "%C2%85", "%0D%0A"}) {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(baseUrl() + "/search?q=" + encoded))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(encoded).isEqualTo(200);
            assertThat(Jsoup.parse(response.body()).select(".search-row"))
                    .as(encoded)
                    .isNotEmpty();
        }
    }

    @Test
    void authorsAreNotifiedOfSmilesCommentsAndFollowsAndSeeTheUnreadCount() throws Exception {
        var author = fixtures.primeMember();
        var fan = fixtures.primeMember();
        long post = fixtures.post(author, "notify me");
        reactions.smile(fan.id(), post);
        reactions.comment(fan.id(), post, "Great!");
        follows.follow(fan.id(), author.id());
        reactions.smile(author.id(), post); // one's own smile notifies nobody

        await().atMost(Duration.ofSeconds(10))
                .until(() -> count("select count(*) from notifications where recipient_id = ?", author.id()) == 3);
        // the registry keeps an event until its listener completed, then deletes it
        // (this test's events only: another test's listener still at work must not make this one fail)
        await().atMost(Duration.ofSeconds(10))
                .until(() ->
                        count("""
                        select count(*) from event_publication where completion_date is null
                        and (cast(serialized_event as jsonb) @> cast(? as jsonb)
                             or cast(serialized_event as jsonb) @> cast(? as jsonb))""", "{\"postAuthorId\": " + author.id() + "}", "{\"followedId\": " + author.id() + "}")
                                == 0);
        Document home = page(get("/").with(author.login()));
        assertThat(home.select(".notifications-link .unread").text()).isEqualTo("3");

        Document list = page(get("/notifications").with(author.login()));
        assertThat(list.select(".notification-list li")).hasSize(3);
        assertThat(list.text())
                .contains("started following you")
                .contains("commented on your post")
                .contains("smiled at your post");
        // reading the list marks nothing; its button does
        assertThat(page(get("/").with(author.login()))
                        .select(".notifications-link .unread")
                        .text())
                .isEqualTo("3");
        mvc.perform(post("/notifications/read")
                        .param("upTo", list.select("input[name=upTo]").val())
                        .with(author.login())
                        .with(csrf()))
                .andExpect(redirectedUrl("/notifications"));
        assertThat(page(get("/").with(author.login())).select(".notifications-link .unread"))
                .isEmpty();
    }
}
