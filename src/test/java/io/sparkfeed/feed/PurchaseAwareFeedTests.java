package io.sparkfeed.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.sparkfeed.accounts.Interests;
import io.sparkfeed.catalog.Catalog;
import io.sparkfeed.catalog.ProductView;
import io.sparkfeed.shop.Orders;
import io.sparkfeed.support.Fixtures.TestAccount;
import io.sparkfeed.support.IntegrationTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** For you stops advertising what the viewer already owns; the hotspot card says "You bought this". */
class PurchaseAwareFeedTests extends IntegrationTest {

    @Autowired
    Interests interests;

    @Autowired
    Orders orders;

    @Autowired
    Catalog catalog;

    /** The posts of the viewer's For you feed, 50 at most. */
    private List<Long> forYou(TestAccount viewer) throws Exception {
        return postIds(page(get("/").param("size", "50").with(viewer.login())));
    }

    private static List<Long> postIds(Document d) {
        return d.select("article.post-card").stream()
                .map(e -> Long.parseLong(e.id().substring(5)))
                .toList();
    }

    private void buy(long accountId, long productId, Long fromPost) {
        fixtures.order(accountId, productId, 1, fromPost);
    }

    @Test
    void aPostWhoseProductsTheViewerAllBoughtLeavesForYouButStaysElsewhere() throws Exception {
        var viewer = fixtures.primeMember();
        var author = fixtures.primeMember();
        interests.choose(viewer.id(), List.of(15, 16, 17, 18, 19), true);
        long soap = fixtures.product(9);
        long bowl = fixtures.product(10);
        long onlySoap = fixtures.postIn(15, author, "my soap #owned", soap);
        long soapAndBowl = fixtures.postIn(15, author, "soap and bowl", soap, bowl);
        long nothingTagged = fixtures.postIn(15, author, "just a garden");

        buy(viewer.id(), soap, onlySoap);

        List<Long> forYou = forYou(viewer);
        assertThat(forYou).contains(soapAndBowl, nothingTagged).doesNotContain(onlySoap);
        assertThat(postIds(page(get("/@" + author.handle()).with(viewer.login()))))
                .contains(onlySoap);
        assertThat(postIds(page(get("/tags/owned").with(viewer.login())))).contains(onlySoap);

        Document post = page(get("/posts/" + soapAndBowl).with(viewer.login()));
        assertThat(post.select(".hotspot-card .bought")).hasSize(1);
        assertThat(post.select(".tagged-list .bought").text()).isEqualTo("You bought this");

        // the opt-out brings it back
        interests.choose(viewer.id(), List.of(15, 16, 17, 18, 19), false);
        assertThat(forYou(viewer)).contains(onlySoap);
    }

    @Test
    void anAuthorHearsThatSomeoneBoughtFromTheirPostWithoutWhoOrWhat() throws Exception {
        var author = fixtures.primeMember();
        var buyer = fixtures.person();
        long product = fixtures.product(3);
        ProductView bought = catalog.get(product);
        long post = fixtures.post(author, "buy from me", product);
        long order = fixtures.order(buyer.id(), product, 2, post);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> count(
                                "select count(*) from notifications where recipient_id = ? and kind = 'PURCHASE'",
                                author.id())
                        == 1);
        assertThat(jdbc.sql("select actor_id is null and post_id = ? from notifications where recipient_id = ?")
                        .params(post, author.id())
                        .query(Boolean.class)
                        .single())
                .as("no actor, only the post")
                .isTrue();

        Document list = page(get("/notifications").with(author.login()));
        Element item = list.selectFirst(".notification-list li");
        // the whole item: the message, the link to the post and the time; nothing about the buyer or the order
        assertThat(item.text())
                .matches("Someone bought a product from your post\\. See the post \\d{1,2} \\w{3}, \\d{2}:\\d{2}");
        assertThat(item.select("a").eachAttr("href")).containsExactly("/posts/" + post);
        String page = list.select("main").text();
        String html = list.select("main").html();
        BigDecimal total = bought.price().multiply(BigDecimal.valueOf(2));
        assertThat(page)
                .doesNotContain(bought.title())
                .doesNotContain(bought.brand())
                .doesNotContain(bought.price().toPlainString())
                .doesNotContain(total.toPlainString())
                .doesNotContain(buyer.handle())
                .doesNotContain("Test " + buyer.handle())
                .doesNotContain("Viewer");
        assertThat(html)
                .doesNotContain("/orders/")
                .doesNotContain("/orders/" + order)
                .doesNotContain("/@" + buyer.handle());
    }

    @Test
    void aPurchaseOlderThanNinetyDaysNoLongerHidesThePost() throws Exception {
        var viewer = fixtures.primeMember();
        var author = fixtures.primeMember();
        interests.choose(viewer.id(), List.of(15, 16, 17, 18, 19), true);
        long soap = fixtures.product(9);
        long post = fixtures.postIn(16, author, "an old favourite", soap);

        clock.pin(Instant.now().minus(Duration.ofDays(91)));
        buy(viewer.id(), soap, post);
        clock.reset();
        assertThat(forYou(viewer)).contains(post);

        clock.pin(Instant.now().minus(Duration.ofDays(89)));
        buy(viewer.id(), soap, post);
        clock.reset();
        assertThat(forYou(viewer)).doesNotContain(post);
    }

    @Test
    void aCancelledOrderDoesNotHideThePost() throws Exception {
        var viewer = fixtures.primeMember();
        var author = fixtures.primeMember();
        interests.choose(viewer.id(), List.of(15, 16, 17, 18, 19), true);
        long soap = fixtures.product(9);
        long post = fixtures.postIn(16, author, "changed my mind", soap);
        long order = fixtures.order(viewer.id(), soap, 1, post);
        assertThat(forYou(viewer)).doesNotContain(post);

        orders.cancel(viewer.id(), order);
        assertThat(forYou(viewer)).contains(post);
    }

    @Test
    void theOptOutThroughTheInterestsFormBringsItBackAndSearchAndProfileAlwaysShowIt() throws Exception {
        var viewer = fixtures.primeMember();
        var author = fixtures.primeMember();
        interests.choose(viewer.id(), List.of(15, 16, 17, 18, 19), true);
        long soap = fixtures.product(9);
        long post = fixtures.postIn(16, author, "my xylocarpous soap dish", soap);
        buy(viewer.id(), soap, post);
        assertThat(forYou(viewer)).doesNotContain(post);
        assertThat(postIds(page(get("/search").param("q", "xylocarpous").with(viewer.login()))))
                .containsExactly(post);
        assertThat(postIds(page(get("/@" + author.handle()).with(viewer.login()))))
                .containsExactly(post);

        // the form as the person sees it: their five interests ticked, and the switch on; they untick the switch
        Document form = page(get("/me/interests").with(viewer.login()));
        assertThat(form.select("input[name=hidePurchased]").hasAttr("checked")).isTrue();
        List<String> ticked = form.select("input[name=interests][checked]").eachAttr("value");
        assertThat(ticked).containsExactlyInAnyOrder("15", "16", "17", "18", "19");
        mvc.perform(post("/me/interests")
                        .param("interests", ticked.toArray(String[]::new))
                        .param("welcome", form.select("input[name=welcome]").val())
                        .with(viewer.login())
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(page(get("/me/interests").with(viewer.login()))
                        .select("input[name=hidePurchased]")
                        .hasAttr("checked"))
                .isFalse();
        assertThat(forYou(viewer)).contains(post);
    }
}
