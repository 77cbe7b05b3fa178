package io.sparkfeed.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.sparkfeed.accounts.Follows;
import io.sparkfeed.posts.Posts;
import io.sparkfeed.support.IntegrationTest;
import java.time.Duration;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

class SearchAndNotificationTests extends IntegrationTest {

    @Autowired
    Posts posts;

    @Autowired
    Follows follows;

    private Document page(MockHttpServletRequestBuilder request) throws Exception {
        return Jsoup.parse(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }

    @Test
    void theObviousResultRanksFirst() throws Exception {
        Document byBrand = page(get("/search").param("q", "Northwind"));
        assertThat(byBrand.select(".product-results .hc-brand").first().text()).isEqualTo("Northwind Outfitters");
        assertThat(byBrand.select(".account-list .author-handle").first().text()).isEqualTo("@northwind");

        Document byTitle = page(get("/search").param("q", "headphones"));
        assertThat(byTitle.select(".product-results .hc-title").first().text()).isEqualTo("Wireless headphones");

        Document french = page(get("/search").param("q", "bouteille OR bottle"));
        assertThat(french.select(".product-results .hc-title").first().text()).isEqualTo("Insulated water bottle");

        var author = fixtures.primeMember();
        fixtures.post(author, "My zanzibarian espresso ritual #zanzibarcoffee");
        Document byCaption = page(get("/search").param("q", "zanzibarian espresso"));
        assertThat(byCaption.select("article.post-card .caption").first().text()).contains("zanzibarian espresso");
        Document byHandle = page(get("/search").param("q", author.handle()));
        assertThat(byHandle.select(".account-list .author-handle").first().text()).isEqualTo("@" + author.handle());
    }

    @Test
    void oddQueriesGiveAnEmptyResultOrAClearMessageNeverAnError() throws Exception {
        for (String odd : new String[] {"", "   ", "\"", "&|!:*", "'); drop table posts; --", "((((", "-", "a & | b"}) {
            Document d = page(get("/search").param("q", odd));
            assertThat(d.select("h1, .search-row")).isNotEmpty();
        }
        Document longQuery = page(get("/search").param("q", "lamp ".repeat(1000)));
        assertThat(longQuery.select(".flash.problem").text()).contains("only its first 200 characters");
    }

    @Test
    void authorsAreNotifiedOfSmilesCommentsAndFollowsAndSeeTheUnreadCount() throws Exception {
        var author = fixtures.primeMember();
        var fan = fixtures.primeMember();
        long post = fixtures.post(author, "notify me");
        posts.smile(fan.id(), post);
        posts.comment(fan.id(), post, "Great!");
        follows.follow(fan.id(), author.id());
        posts.smile(author.id(), post); // one's own smile notifies nobody

        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "select count(*) from notifications where recipient_id = ?").param(author.id()).query(Long.class).single() == 3);
        // the registry keeps an event until its listener completed, then deletes it
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "select count(*) from event_publication where completion_date is null").query(Long.class).single() == 0);
        Document home = page(get("/").with(author.login()));
        assertThat(home.select(".notifications-link .unread").text()).isEqualTo("3");

        Document list = page(get("/notifications").with(author.login()));
        assertThat(list.select(".notification-list li")).hasSize(3);
        assertThat(list.text()).contains("started following you").contains("commented on your post")
                .contains("smiled at your post");
        assertThat(page(get("/").with(author.login())).select(".notifications-link .unread")).isEmpty();
    }
}
