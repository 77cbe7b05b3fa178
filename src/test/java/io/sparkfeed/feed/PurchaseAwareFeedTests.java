package io.sparkfeed.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.sparkfeed.accounts.Interests;
import io.sparkfeed.shop.Checkout;
import io.sparkfeed.shop.Orders;
import io.sparkfeed.shop.Purchase;
import io.sparkfeed.shop.ShippingAddress;
import io.sparkfeed.support.IntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** For you stops advertising what the viewer already owns; the hotspot card says "You bought this". */
class PurchaseAwareFeedTests extends IntegrationTest {

    @Autowired
    Interests interests;

    @Autowired
    Orders orders;

    private Document page(MockHttpServletRequestBuilder request) throws Exception {
        return Jsoup.parse(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }

    private static List<Long> postIds(Document d) {
        return d.select("article.post-card").stream().map(e -> Long.parseLong(e.id().substring(5))).toList();
    }

    private void buy(long accountId, long productId, Long fromPost) {
        orders.place(accountId, List.of(new Purchase(productId, 1, fromPost)), new Checkout(
                new ShippingAddress("Viewer", "1 Main St", "", "Lyon", "69001", "France"), "invoice",
                UUID.randomUUID().toString()));
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

        List<Long> forYou = postIds(page(get("/").param("size", "50").with(viewer.login())));
        assertThat(forYou).contains(soapAndBowl, nothingTagged).doesNotContain(onlySoap);
        assertThat(postIds(page(get("/@" + author.handle()).with(viewer.login())))).contains(onlySoap);
        assertThat(postIds(page(get("/tags/owned").with(viewer.login())))).contains(onlySoap);

        Document post = page(get("/posts/" + soapAndBowl).with(viewer.login()));
        assertThat(post.select(".hotspot-card .bought")).hasSize(1);
        assertThat(post.select(".tagged-list .bought").text()).isEqualTo("You bought this");

        // the opt-out brings it back
        interests.choose(viewer.id(), List.of(15, 16, 17, 18, 19), false);
        assertThat(postIds(page(get("/").param("size", "50").with(viewer.login())))).contains(onlySoap);
    }

    @Test
    void anAuthorHearsThatSomeoneBoughtFromTheirPostWithoutWhoOrWhat() throws Exception {
        var author = fixtures.primeMember();
        var buyer = fixtures.person();
        long product = fixtures.product(3);
        long post = fixtures.post(author, "buy from me", product);
        buy(buyer.id(), product, post);
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "select count(*) from notifications where recipient_id = ? and kind = 'PURCHASE'")
                .param(author.id()).query(Long.class).single() == 1);
        Document list = page(get("/notifications").with(author.login()));
        assertThat(list.text()).contains("Someone bought a product from your post.")
                .doesNotContain(buyer.handle());
    }
}
