package io.sparkfeed.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.sparkfeed.accounts.Follows;
import io.sparkfeed.catalog.Catalog;
import io.sparkfeed.support.Fixtures.TestAccount;
import io.sparkfeed.support.IntegrationTest;
import java.util.List;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Which post gets the credit: a card open or an order line only for a product the post tags, on a post that is not
 * hidden; Buy now and Add to cart on the hotspot card count as card opens; every list of posts counts its views.
 */
class ShopAttributionTests extends IntegrationTest {

    @Autowired
    Catalog catalog;

    @Autowired
    Cart cart;

    @Autowired
    Orders orders;

    @Autowired
    PostStats stats;

    @Autowired
    Follows follows;

    private long opens(long post) {
        return jdbc.sql("select coalesce(sum(card_opens), 0) from post_daily_stats where post_id = ?")
                .param(post)
                .query(Long.class)
                .single();
    }

    private long views(long post) {
        return jdbc.sql("select coalesce(sum(views), 0) from post_daily_stats where post_id = ?")
                .param(post)
                .query(Long.class)
                .single();
    }

    private long orderCount(long post) {
        return count("select count(distinct order_id) from order_lines where post_id = ?", post);
    }

    private void hide(long post) {
        jdbc.sql("update posts set hidden_at = now(), hidden_reason = 'test' where id = ?")
                .param(post)
                .update();
    }

    @Test
    void aCardOpenCountsOnlyForAProductThePostTagsOnAPostThatIsShown() throws Exception {
        long lamp = ShopTestProducts.product(catalog, "25.00", 50);
        long mug = ShopTestProducts.product(catalog, "8.00", 50);
        TestAccount author = fixtures.enthusiast();
        long shown = fixtures.post(author, "shown #attributiontest", lamp);
        long hidden = fixtures.post(author, "hidden #attributiontest", lamp);
        hide(hidden);
        stats.flush();
        long shownBefore = opens(shown);

        mvc.perform(get("/products/" + mug).param("from", "" + shown)).andExpect(status().isOk());
        mvc.perform(get("/products/" + lamp).param("from", "" + hidden)).andExpect(status().isOk());
        mvc.perform(get("/products/" + lamp).param("from", "999999999")).andExpect(status().isOk());
        mvc.perform(get("/products/" + lamp).param("from", "" + shown)).andExpect(status().isOk());
        stats.flush();

        assertThat(opens(shown)).as("only the lamp, which the post tags").isEqualTo(shownBefore + 1);
        assertThat(opens(hidden)).as("a hidden post").isZero();
        assertThat(count("select count(*) from post_daily_stats where post_id = 999999999"))
                .isZero();
    }

    @Test
    void aHiddenPostOffersNoBuyingAndItsAuthorsVisitsCountNoViews() throws Exception {
        long lamp = ShopTestProducts.product(catalog, "25.00", 50);
        TestAccount author = fixtures.enthusiast();
        long post = fixtures.post(author, "soon removed #attributiontest", lamp);
        assertThat(page(get("/posts/" + post).with(author.login())).select(".buy-from-post"))
                .isNotEmpty();
        hide(post);
        stats.flush();
        long viewsBefore = views(post);

        // the author still sees the removed post, on its page and their profile, but nothing to buy from it
        assertThat(page(get("/posts/" + post).with(author.login())).select(".buy-from-post"))
                .isEmpty();
        Document profile = page(get("/@" + author.handle()).with(author.login()));
        assertThat(profile.select("#post-" + post)).hasSize(1);
        assertThat(profile.select("#post-" + post + " .buy-from-post")).isEmpty();
        stats.flush();
        assertThat(views(post)).isEqualTo(viewsBefore);
    }

    @Test
    void buyNowAndAddToCartOnTheHotspotCardCountAsCardOpensSoOrdersNeverExceedThem() throws Exception {
        long lamp = ShopTestProducts.product(catalog, "25.00", 50);
        long mug = ShopTestProducts.product(catalog, "8.00", 50);
        TestAccount author = fixtures.enthusiast();
        long post = fixtures.post(author, "straight from the card #attributiontest", lamp, mug);
        TestAccount buyer = fixtures.person();

        // the card's Buy now (the confirmation page) and Add to cart, as the hotspot card links them
        Document shownPost = page(get("/posts/" + post).with(buyer.login()));
        String buyLink =
                shownPost.select("#tag-" + post + "-0 a[data-card-buy]").attr("href");
        assertThat(buyLink).contains("product=" + lamp).contains("from=" + post).contains("via=card");
        Element addForm = shownPost.selectFirst("#tag-" + post + "-1 form[data-card-cart]");
        assertThat(addForm).isNotNull();
        assertThat(addForm.select("input[name=from]").val()).isEqualTo("" + post);
        assertThat(addForm.select("input[name=via]").val()).isEqualTo("card");

        mvc.perform(get(buyLink).with(buyer.login())).andExpect(status().isOk());
        mvc.perform(post("/cart")
                        .with(buyer.login())
                        .with(csrf())
                        .param("product", "" + mug)
                        .param("from", "" + post)
                        .param("via", "card"))
                .andExpect(redirectedUrl("/cart"));
        // from a product page (which counted its own open when it was opened), Buy now adds nothing
        mvc.perform(get("/checkout")
                        .param("product", "" + lamp)
                        .param("from", "" + post)
                        .with(buyer.login()))
                .andExpect(status().isOk());
        stats.flush();
        assertThat(opens(post)).isEqualTo(2);

        orders.placeCart(buyer.id(), ShopTestProducts.checkout());
        orders.place(buyer.id(), List.of(new Purchase(lamp, 1, post)), ShopTestProducts.checkout());
        assertThat(orderCount(post)).isEqualTo(2).isLessThanOrEqualTo(opens(post));
    }

    @Test
    void aPostThatDoesNotTagTheProductOrIsHiddenIsNotCreditedThroughTheCartOrTheOrder() {
        long lamp = ShopTestProducts.product(catalog, "25.00", 50);
        long mug = ShopTestProducts.product(catalog, "8.00", 50);
        TestAccount author = fixtures.enthusiast();
        long post = fixtures.post(author, "credited #attributiontest", lamp);
        long hidden = fixtures.post(author, "hidden #attributiontest", lamp);
        hide(hidden);
        TestAccount buyer = fixtures.person();

        cart.add(buyer.id(), mug, 1, post);
        cart.add(buyer.id(), lamp, 1, hidden);
        assertThat(cart.view(buyer.id()).lines())
                .extracting(CartView.Line::postId)
                .containsOnlyNulls();

        TestAccount other = fixtures.person();
        cart.add(other.id(), lamp, 1, post);
        assertThat(cart.view(other.id()).lines())
                .extracting(CartView.Line::postId)
                .containsExactly(post);
        // hidden after the line went into the cart: the order no longer credits it
        hide(post);
        long order = orders.placeCart(other.id(), ShopTestProducts.checkout());
        assertThat(orders.get(other.id(), order).lines())
                .extracting(OrderDetails.Line::postId)
                .containsOnlyNulls();

        long direct = orders.place(
                buyer.id(),
                List.of(new Purchase(lamp, 1, hidden), new Purchase(mug, 1, hidden)),
                ShopTestProducts.checkout());
        assertThat(orders.get(buyer.id(), direct).lines())
                .extracting(OrderDetails.Line::postId)
                .containsOnlyNulls();
    }

    @Test
    void theHotspotCardSaysSoldOutInsteadOfBuy() throws Exception {
        long gone = ShopTestProducts.product(catalog, "25.00", 0);
        TestAccount author = fixtures.enthusiast();
        long post = fixtures.post(author, "sold out #attributiontest", gone);
        Document shownPost = page(get("/posts/" + post).with(fixtures.person().login()));
        Element card = shownPost.selectFirst("#tag-" + post + "-0");
        assertThat(card.select("[data-sold-out]").text()).isEqualTo("Sold out");
        assertThat(card.select("a[data-card-buy], form[data-card-cart]")).isEmpty();
        assertThat(shownPost.select(".tagged-list [data-sold-out]").text()).isEqualTo("Sold out");
    }

    @Test
    void theFollowingFeedAnInterestAndSearchCountTheirViews() throws Exception {
        TestAccount author = fixtures.enthusiast();
        String word =
                "viewcount" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        long post = fixtures.postIn(20, author, "counted everywhere " + word, fixtures.product(1));
        TestAccount reader = fixtures.primeMember();
        follows.follow(reader.id(), author.id());
        stats.flush();
        long before = views(post);

        assertThat(page(get("/following").with(reader.login())).select("#post-" + post))
                .hasSize(1);
        stats.flush();
        assertThat(views(post)).as("/following").isEqualTo(before + 1);

        assertThat(page(get("/interests/gifts")).select("#post-" + post)).hasSize(1);
        stats.flush();
        assertThat(views(post)).as("/interests/gifts").isEqualTo(before + 2);

        assertThat(page(get("/search").param("q", word)).select("#post-" + post))
                .hasSize(1);
        stats.flush();
        assertThat(views(post)).as("/search").isEqualTo(before + 3);
    }
}
