package io.sparkfeed.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.sparkfeed.accounts.Follows;
import io.sparkfeed.accounts.Interests;
import io.sparkfeed.notifications.Notifications;
import io.sparkfeed.shop.Orders;
import io.sparkfeed.support.Fixtures.TestAccount;
import io.sparkfeed.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Every list page costs at most four SQL statements, whatever its size and depth, for a visitor and for a
 * signed-in reader (whose page also carries their smiles, follows, purchases and header counts): the public feed,
 * For you, Following, an interest, a hashtag, a product's posts, a profile, search and notifications.
 */
class ListStatementTests extends IntegrationTest {

    private static final int BUDGET = 4;

    @Autowired
    private Follows follows;

    @Autowired
    private Interests interests;

    @Autowired
    private Orders orders;

    @Autowired
    private Notifications notifications;

    /** The link to the next page, or null. */
    private static String next(Document d) {
        Element more = d.selectFirst(".more a");
        return more == null ? null : more.attr("href");
    }

    private record Reader(String name, TestAccount account) {

        MockHttpServletRequestBuilder request(String url) {
            var request = get(url);
            return account == null ? request : request.with(account.login());
        }
    }

    @Test
    void everyListPageCostsAtMostFourStatementsAtEverySizeAndDepth() throws Exception {
        var viewer = fixtures.primeMember();
        var author = fixtures.enthusiast();
        var fan = fixtures.primeMember();
        interests.choose(viewer.id(), List.of(1, 2, 3, 4, 5), true);
        follows.follow(viewer.id(), author.id());
        long product = fixtures.product(1);
        String word = "statementword" + author.id();
        String tag = "statements" + author.id();
        // three pages of five: tagged products (their cards are read), a hashtag, an interest, a searchable word
        for (int i = 0; i < 12; i++) {
            fixtures.postIn(2, author, word + " " + i + " #" + tag, product, fixtures.product(i % 4 + 2));
        }
        // the viewer bought a product (For you and "You bought this" read it) and has notifications
        fixtures.order(viewer.id(), fixtures.product(3), 1, null);
        for (int i = 0; i < 5; i++) {
            notifications.notify(UUID.randomUUID(), viewer.id(), "FOLLOW", fan.id(), null);
        }

        var visitor = new Reader("visitor", null);
        var member = new Reader("signed in", viewer);
        List<String> problems = new ArrayList<>();
        record Page(String url, List<Reader> readers, String cards) {}
        List<Page> lists = List.of(
                new Page("/?feed=everyone", List.of(visitor, member), "article.post-card"),
                new Page("/", List.of(visitor, member), "article.post-card"),
                new Page("/following", List.of(member), "article.post-card"),
                new Page("/interests/home", List.of(visitor, member), "article.post-card"),
                new Page("/tags/" + tag, List.of(visitor, member), "article.post-card"),
                new Page("/products/" + product, List.of(visitor, member), "article.post-card"),
                new Page("/@" + author.handle(), List.of(visitor, member), "article.post-card"),
                new Page("/search?q=" + word, List.of(visitor, member), "article.post-card"),
                new Page("/notifications", List.of(member), ".notification-list li"));
        for (Page list : lists) {
            for (Reader reader : list.readers()) {
                for (int size : new int[] {5, 20, 50}) {
                    String url = list.url() + (list.url().contains("?") ? "&" : "?") + "size=" + size;
                    Document first = page(reader.request(url));
                    assertThat(first.select(list.cards()))
                            .as(reader.name() + " " + url)
                            .isNotEmpty();
                    int n = statements(reader.request(url));
                    if (n < 1 || n > BUDGET) {
                        problems.add(reader.name() + " " + url + ": " + n);
                    }
                    // two pages down (or as deep as the list goes)
                    String deeper = next(first);
                    for (int depth = 0; depth < 2 && deeper != null; depth++) {
                        Document d = page(reader.request(deeper));
                        assertThat(d.select(list.cards()))
                                .as(reader.name() + " " + deeper)
                                .isNotEmpty();
                        int m = statements(reader.request(deeper));
                        if (m < 1 || m > BUDGET) {
                            problems.add(reader.name() + " " + deeper + ": " + m);
                        }
                        deeper = next(d);
                    }
                }
            }
        }
        assertThat(problems).as("pages over %d statements", BUDGET).isEmpty();
    }
}
