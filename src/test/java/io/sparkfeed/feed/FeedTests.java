package io.sparkfeed.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.sparkfeed.support.Fixtures.TestAccount;
import io.sparkfeed.support.IntegrationTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeedTests extends IntegrationTest {

    private TestAccount viewer;

    @BeforeAll
    void enoughPostsForTheLargestPage() {
        // the demo data has about 30 posts; 60 more from several authors (each stays under the daily limit)
        List<TestAccount> authors = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            authors.add(i % 2 == 0 ? fixtures.enthusiast() : fixtures.primeMember());
        }
        for (int i = 0; i < 60; i++) {
            fixtures.post(
                    authors.get(i % authors.size()),
                    "feed post " + i + " #feedtest",
                    fixtures.product(i % 5),
                    fixtures.product((i + 3) % 7));
        }
        viewer = fixtures.primeMember();
    }

    @Test
    void aFeedPageCostsAtMostFourStatementsWhateverItsSize() throws Exception {
        List<Integer> visitor = new ArrayList<>();
        List<Integer> member = new ArrayList<>();
        for (int size : new int[] {5, 20, 50}) {
            Document d = page(get("/").param("size", String.valueOf(size)));
            assertThat(d.select("article.post-card")).hasSize(size);
            visitor.add(statements(get("/").param("size", String.valueOf(size))));
            member.add(statements(get("/").param("size", String.valueOf(size)).with(viewer.login())));
        }
        // at least one: a counter that stopped counting would pass "at most four" on its own
        assertThat(visitor).allSatisfy(n -> assertThat(n).isBetween(1, 4)).containsOnly(visitor.get(0));
        assertThat(member).allSatisfy(n -> assertThat(n).isBetween(1, 4)).containsOnly(member.get(0));
    }

    @Test
    void aDeepPageCostsTheSameAsTheFirst() throws Exception {
        String cursor = null;
        int first = -1;
        for (int i = 0; i < 3; i++) {
            var request = cursor == null ? get("/") : get("/").param("after", cursor);
            int n = statements(request);
            if (first < 0) {
                first = n;
            }
            assertThat(n).isEqualTo(first).isBetween(1, 4);
            cursor = nextCursor(page(request));
        }
    }

    @Test
    void pagesFollowEachOtherNewestFirstWithoutRepeats() throws Exception {
        var seen = new HashSet<String>();
        String cursor = null;
        int pages = 0;
        List<Long> order = new ArrayList<>();
        do {
            Document d = page(cursor == null ? get("/") : get("/").param("after", cursor));
            d.select("article.post-card").forEach(card -> {
                assertThat(seen.add(card.id()))
                        .as("post shown twice: " + card.id())
                        .isTrue();
                order.add(Long.parseLong(card.id().substring("post-".length())));
            });
            cursor = nextCursor(d);
            pages++;
        } while (cursor != null && pages < 100);
        long total = count("select count(*) from posts where hidden_at is null");
        assertThat(seen).hasSize((int) total);
        List<Long> expected = jdbc.sql("select id from posts where hidden_at is null order by created_at desc, id desc")
                .query(Long.class)
                .list();
        assertThat(order).isEqualTo(expected);
    }

    @Test
    void cardsShowWhatAPersonNeedsToShop() throws Exception {
        Document d = page(get("/"));
        var card = d.select("article.post-card").stream()
                .filter(c -> !c.select(".hotspot").isEmpty())
                .findFirst()
                .orElseThrow();
        assertThat(card.select(".author-name").text()).isNotBlank();
        assertThat(card.select(".photo img").attr("srcset")).matches("/media/[0-9a-f]+/\\d+\\.jpg \\d+w(, .*)?");
        assertThat(card.select(".hotspot")).isNotEmpty();
        assertThat(card.select(".bag").text()).matches("(?s).*\\d+.*");
        assertThat(card.select(".smile-count .count").text()).matches("\\d+");
        assertThat(card.select("form[action$=/smile]")).isEmpty();
    }

    @Test
    void hashtagProfileAndProductPagesListTheirPosts() throws Exception {
        // a page is a dozen cards, whole rows at two and three columns
        assertThat(page(get("/tags/feedtest")).select("article.post-card")).hasSize(12);
        assertThat(page(get("/tags/FeedTest")).select("article.post-card")).hasSize(12);
        long product = fixtures.product(0);
        Document productPage = page(get("/products/" + product));
        assertThat(productPage.select("h1").text()).isNotBlank();
        assertThat(productPage.select("article.post-card")).isNotEmpty();
        var author = fixtures.primeMember();
        fixtures.post(author, "mine");
        assertThat(page(get("/@" + author.handle())).select("article.post-card"))
                .hasSize(1);
        mvc.perform(get("/tags/not a tag!")).andExpect(status().isNotFound());
        mvc.perform(get("/products/999999999")).andExpect(status().isNotFound());
    }

    private static String nextCursor(Document d) {
        var more = d.selectFirst(".more a");
        if (more == null) {
            return null;
        }
        Matcher m = Pattern.compile("after=([0-9-]+)").matcher(more.attr("href"));
        return m.find() ? m.group(1) : null;
    }
}
