package io.sparkfeed.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.sparkfeed.posts.SpendingLedger;
import io.sparkfeed.shop.PostStats;
import io.sparkfeed.support.IntegrationTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** A reviewer logging in as a demo account sees discovery at work: interests, follows, orders from posts. */
class DemoDiscoveryTests extends IntegrationTest {

    @Autowired
    PostStats postStats;

    @Autowired
    UserDetailsService users;

    @Autowired
    SpendingLedger ledger;

    private RequestPostProcessor as(String handle) {
        return user(users.loadUserByUsername(handle + "@sparkfeed.demo"));
    }

    private Document page(String path, String handle) throws Exception {
        return page(get(path).with(as(handle)));
    }

    private long id(String handle) {
        return jdbc.sql("select id from accounts where handle = ?")
                .param(handle)
                .query(Long.class)
                .single();
    }

    @Test
    void everyDemoPersonHasInterestsAndThePrimeMembersFollowTheEnthusiasts() throws Exception {
        for (String handle : List.of("admin", "maya", "leo", "priya", "tom", "sam")) {
            assertThat(page("/", handle).select(".feed-tabs .active").text())
                    .as(handle)
                    .isEqualTo("For you");
            assertThat(page("/", handle).select("article.post-card")).as(handle).isNotEmpty();
        }
        for (String fan : List.of("priya", "tom")) {
            assertThat(page("/following", fan)
                            .select("article.post-card .author-handle")
                            .eachText())
                    .as(fan)
                    .contains("@maya", "@leo");
        }
        // priya, tom, leo and admin (and whoever a browser test had follow her)
        String counts = page("/@maya", "sam").select(".follow-counts").text();
        assertThat(Integer.parseInt(counts.substring(0, counts.indexOf(' '))))
                .as(counts)
                .isGreaterThanOrEqualTo(4);
    }

    @Test
    void priyasForYouLeavesOutThePostSheBoughtEverythingFrom() throws Exception {
        List<Long> bought = jdbc.sql("""
                        select distinct l.post_id from order_lines l join orders o on o.id = l.order_id
                        where o.account_id = ? and l.post_id is not null""").param(id("priya")).query(Long.class).list();
        assertThat(bought).hasSize(1);
        String card = "post-" + bought.get(0);
        assertThat(page("/?size=50", "priya").getElementById(card))
                .as("For you")
                .isNull();
        assertThat(page("/@maya?size=50", "priya").getElementById(card))
                .as("maya's profile")
                .isNotNull();
        assertThat(page("/following?size=50", "priya").getElementById(card))
                .as("Following")
                .isNotNull();
        assertThat(page("/posts/" + bought.get(0), "priya")
                        .select(".tagged-list .bought")
                        .text())
                .startsWith("You bought this");
    }

    @Test
    void mayaSeesOrdersFromHerPostsInHerStatsAndNotifications() throws Exception {
        postStats.flush();
        Document stats = page("/me/stats", "maya");
        assertThat(stats.select("td[data-orders]").eachText().stream()
                        .mapToInt(Integer::parseInt)
                        .sum())
                .isPositive();
        // every order bought from a post came through a product card opened on it
        var rows = stats.select("tr:has(td[data-orders])");
        assertThat(rows).isNotEmpty();
        for (var row : rows) {
            assertThat(Integer.parseInt(row.select("td[data-opens]").text()))
                    .isGreaterThanOrEqualTo(
                            Integer.parseInt(row.select("td[data-orders]").text()));
        }
        assertThat(stats.select("td[data-revenue]").eachText()).anyMatch(r -> !r.equals("0.00"));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> jdbc.sql(
                                        "select count(distinct kind) from notifications where recipient_id = ? and kind in ('FOLLOW', 'PURCHASE')")
                                .param(id("maya"))
                                .query(Long.class)
                                .single()
                        == 2);
        Document notifications = page("/notifications", "maya");
        assertThat(notifications.text())
                .contains("Someone bought a product from your post.")
                .contains("started following you");
    }

    @Test
    void samIsStillTwoShortOfThePostingMinimumAsTheReadmeSays() {
        assertThat(ledger.lifetimeSpend(id("sam"))).isEqualByComparingTo(new BigDecimal("48.00"));
    }

    @Test
    void theDemoPostsCountAgainstTheDailyLimitOnlyWhenTheyArePublishedTheLastDay() {
        for (String author : List.of("maya", "leo", "priya")) {
            long published = jdbc.sql("select count(*) from post_publications where author_id = ? "
                            + "and published_at > now() - interval '1 day'")
                    .param(id(author))
                    .query(Long.class)
                    .single();
            long recent = jdbc.sql("select count(*) from posts where author_id = ? "
                            + "and created_at > now() - interval '1 day'")
                    .param(id(author))
                    .query(Long.class)
                    .single();
            assertThat(published).as(author).isEqualTo(recent);
        }
    }
}
