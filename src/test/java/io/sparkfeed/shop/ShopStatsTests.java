package io.sparkfeed.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.sparkfeed.catalog.Catalog;
import io.sparkfeed.support.Fixtures.TestAccount;
import io.sparkfeed.support.IntegrationTest;
import io.sparkfeed.support.StatementCounter;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** An author's numbers: views from rendered feeds, card opens from hotspots, orders and revenue, per period. */
class ShopStatsTests extends IntegrationTest {

    @Autowired
    Catalog catalog;

    @Autowired
    Orders orders;

    @Autowired
    PostStats stats;

    @Test
    void theNumbersOfASeededScenario() throws Exception {
        long lamp = ShopTestProducts.product(catalog, "25.00", 50);
        long mug = ShopTestProducts.product(catalog, "8.00", 50);
        TestAccount author = fixtures.enthusiast();
        long first = fixtures.post(author, "first #statstest", lamp);
        long second = fixtures.post(author, "second #statstest", lamp, mug);
        TestAccount buyer = fixtures.person();

        // three renders of the author's profile, a post page, and hotspot opens: two of the first post, one of the
        // second
        for (int i = 0; i < 3; i++) {
            mvc.perform(get("/@" + author.handle())).andExpect(status().isOk());
        }
        mvc.perform(get("/posts/" + second)).andExpect(status().isOk());
        mvc.perform(get("/products/" + lamp).param("from", "" + first)).andExpect(status().isOk());
        mvc.perform(get("/products/" + lamp).param("from", "" + first)).andExpect(status().isOk());
        mvc.perform(get("/products/" + mug).param("from", "" + second)).andExpect(status().isOk());

        // two orders credited to the first post (one of them 10 days old), one to the second, one cancelled
        orders.place(buyer.id(), List.of(new Purchase(lamp, 2, first)), ShopTestProducts.checkout());
        long old = orders.place(buyer.id(), List.of(new Purchase(lamp, 1, first)), ShopTestProducts.checkout());
        jdbc.sql("update orders set created_at = ? where id = ?")
                .params(Timestamp.from(Instant.now().minus(Duration.ofDays(10))), old)
                .update();
        orders.place(
                buyer.id(),
                List.of(new Purchase(mug, 3, second), new Purchase(lamp, 1, null)),
                ShopTestProducts.checkout());
        long cancelled = orders.place(buyer.id(), List.of(new Purchase(mug, 1, second)), ShopTestProducts.checkout());
        orders.cancel(buyer.id(), cancelled);
        stats.flush();
        // views of 40 days ago count in the total only
        jdbc.sql("insert into post_daily_stats (post_id, day, views, card_opens) values (?, ?, 7, 1)")
                .params(first, Date.valueOf(LocalDate.now(ZoneOffset.UTC).minusDays(40)))
                .update();

        Map<Long, PostStatsRow> rows = stats.forAuthor(author.id()).stream()
                .collect(Collectors.toMap(PostStatsRow::postId, Function.identity()));
        assertThat(rows).containsOnlyKeys(first, second);
        PostStatsRow a = rows.get(first);
        // views: 3 profile renders, and the lamp's page lists both posts (the mug's only the second)
        assertThat(a.week()).isEqualTo(window(5, 2, 1, "50.00"));
        assertThat(a.month()).isEqualTo(window(5, 2, 2, "75.00"));
        assertThat(a.total()).isEqualTo(window(12, 3, 2, "75.00"));
        PostStatsRow b = rows.get(second);
        assertThat(b.week()).isEqualTo(window(7, 1, 1, "24.00"));
        assertThat(b.total()).isEqualTo(window(7, 1, 1, "24.00"));

        Document page = Jsoup.parse(mvc.perform(get("/me/stats").with(author.login()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
        var week = page.select("#stats-" + first + " tr[data-period=0]");
        assertThat(week.select("[data-views]").text()).isEqualTo("5");
        assertThat(week.select("[data-opens]").text()).isEqualTo("2");
        assertThat(week.select("[data-orders]").text()).isEqualTo("1");
        assertThat(week.select("[data-revenue]").text()).isEqualTo("50.00");
        assertThat(page.select("#stats-" + first + " tr[data-period=2] [data-views]")
                        .text())
                .isEqualTo("12");
    }

    private static PostStatsRow.Window window(long views, long opens, long orders, String revenue) {
        return new PostStatsRow.Window(views, opens, orders, new BigDecimal(revenue));
    }

    @Test
    void countingViewsCostsNoStatementOnTheFeed() throws Exception {
        TestAccount author = fixtures.enthusiast();
        long post = fixtures.post(author, "counted #statstest", fixtures.product(1));
        StatementCounter.reset();
        mvc.perform(get("/@" + author.handle())).andExpect(status().isOk());
        int withCounting = StatementCounter.count();
        stats.flush();
        long before = views(post);
        mvc.perform(get("/@" + author.handle())).andExpect(status().isOk());
        assertThat(views(post)).isEqualTo(before);
        stats.flush();
        assertThat(views(post)).isEqualTo(before + 1);
        // the profile page: the account, the posts, their products; counting adds nothing (and the counter counts)
        assertThat(withCounting).isBetween(1, 5);
    }

    private long views(long post) {
        return jdbc.sql("select coalesce(sum(views), 0) from post_daily_stats where post_id = ?")
                .param(post)
                .query(Long.class)
                .single();
    }
}
