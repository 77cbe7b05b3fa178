package io.sparkfeed.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.sparkfeed.catalog.Catalog;
import io.sparkfeed.support.Fixtures.TestAccount;
import io.sparkfeed.support.IntegrationTest;
import java.util.List;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The cart: add with attribution from a hotspot, change, remove, and one order for the whole cart. */
class ShopCartTests extends IntegrationTest {

    @Autowired
    Catalog catalog;

    @Autowired
    Orders orders;

    @Autowired
    Cart cart;

    private List<Long> creditedPosts(long orderId) {
        return jdbc.sql("select post_id from order_lines where order_id = ? order by position")
                .param(orderId)
                .query((rs, n) -> (Long) rs.getObject(1, Long.class))
                .list();
    }

    /** The product page's "Add to cart" form, sent as the buyer, from the post that showed it. */
    private void addToCart(TestAccount buyer, long product, int quantity, long fromPost) throws Exception {
        mvc.perform(post("/cart")
                        .with(buyer.login())
                        .with(csrf())
                        .param("product", "" + product)
                        .param("quantity", "" + quantity)
                        .param("from", "" + fromPost))
                .andExpect(redirectedUrl("/cart"));
    }

    @Test
    void theHotspotPostIsCreditedThroughTheCart() throws Exception {
        long tagged = ShopTestProducts.product(catalog, "20.00", 10);
        long untagged = ShopTestProducts.product(catalog, "5.50", 10);
        TestAccount author = fixtures.enthusiast();
        long postId = fixtures.post(author, "my favourite #shoptest", tagged);
        TestAccount buyer = fixtures.person();

        Document product =
                page(get("/products/" + tagged).param("from", "" + postId).with(buyer.login()));
        assertThat(product.select("form[data-add-to-cart] input[name=from]").val())
                .isEqualTo("" + postId);
        assertThat(product.select("form[data-buy-now] input[name=from]").val()).isEqualTo("" + postId);

        addToCart(buyer, tagged, 1, postId);
        addToCart(buyer, tagged, 1, postId);
        // a post that does not show this product gets no credit for it
        addToCart(buyer, untagged, 3, postId);

        Document cart = page(get("/cart").with(buyer.login()));
        assertThat(cart.select("tbody tr")).hasSize(2);
        assertThat(cart.select("[data-total]").text()).isEqualTo("56.50 USD");
        String key = cart.select("form[data-place-order] input[name=key]").val();
        String quote = cart.select("form[data-place-order] input[name=quote]").val();

        String order = mvc.perform(post("/cart/checkout")
                        .with(buyer.login())
                        .with(csrf())
                        .param("key", key)
                        .param("quote", quote)
                        .param("method", "invoice")
                        .param("name", "Ada")
                        .param("line1", "1 Road")
                        .param("city", "Lyon")
                        .param("postcode", "69001")
                        .param("country", "France"))
                .andExpect(redirectedUrlPattern("/orders/*"))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        long orderId = Long.parseLong(order.substring("/orders/".length()));
        assertThat(creditedPosts(orderId)).containsExactly(postId, null);
        assertThat(orders.get(buyer.id(), orderId).total()).isEqualByComparingTo("56.50");
        assertThat(orders.list(buyer.id())).hasSize(1);
        assertThat(page(get("/cart").with(buyer.login())).select(".empty").text())
                .contains("empty");

        // the same submit again returns the same order and places nothing more
        mvc.perform(post("/cart/checkout")
                        .with(buyer.login())
                        .with(csrf())
                        .param("key", key)
                        .param("quote", quote)
                        .param("method", "invoice")
                        .param("name", "Ada")
                        .param("line1", "1 Road")
                        .param("city", "Lyon")
                        .param("postcode", "69001")
                        .param("country", "France"))
                .andExpect(redirectedUrl(order));
        assertThat(orders.list(buyer.id())).hasSize(1);
    }

    @Test
    void buyNowFromAHotspotCreditsThePost() throws Exception {
        long product = ShopTestProducts.product(catalog, "20.00", 10);
        TestAccount author = fixtures.enthusiast();
        long postId = fixtures.post(author, "buy now #shoptest", product);
        TestAccount buyer = fixtures.person();
        Document confirm = page(get("/checkout")
                .param("product", "" + product)
                .param("from", "" + postId)
                .with(buyer.login()));
        assertThat(confirm.select("form[data-place-order] input[name=from]").val())
                .isEqualTo("" + postId);
        String order = mvc.perform(post("/checkout")
                        .with(buyer.login())
                        .with(csrf())
                        .param("product", "" + product)
                        .param("quantity", "1")
                        .param("from", "" + postId)
                        .param("key", confirm.select("input[name=key]").val())
                        .param("method", "invoice")
                        .param("quote", confirm.select("input[name=quote]").val())
                        .param("name", "Ada")
                        .param("line1", "1 Road")
                        .param("city", "Lyon")
                        .param("postcode", "69001")
                        .param("country", "France"))
                .andExpect(redirectedUrlPattern("/orders/*"))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(creditedPosts(Long.parseLong(order.substring("/orders/".length()))))
                .containsExactly(postId);
    }

    @Test
    void quantitiesChangeAndLinesGo() throws Exception {
        long a = ShopTestProducts.product(catalog, "10.00", 10);
        long b = ShopTestProducts.product(catalog, "1.25", 10);
        TestAccount buyer = fixtures.person();
        mvc.perform(post("/cart").with(buyer.login()).with(csrf()).param("product", "" + a));
        mvc.perform(post("/cart").with(buyer.login()).with(csrf()).param("product", "" + b));
        Document page = page(get("/cart").with(buyer.login()));
        String lineA = page.select("tbody tr").get(0).id().substring("line-".length());
        String lineB = page.select("tbody tr").get(1).id().substring("line-".length());

        mvc.perform(post("/cart/lines/" + lineA)
                        .with(buyer.login())
                        .with(csrf())
                        .param("quantity", "4"))
                .andExpect(redirectedUrl("/cart"));
        assertThat(page(get("/cart").with(buyer.login())).select("[data-total]").text())
                .isEqualTo("41.25 USD");
        mvc.perform(post("/cart/lines/" + lineB + "/remove").with(buyer.login()).with(csrf()))
                .andExpect(redirectedUrl("/cart"));
        assertThat(page(get("/cart").with(buyer.login())).select("[data-total]").text())
                .isEqualTo("40.00 USD");
        mvc.perform(
                post("/cart/lines/" + lineA).with(buyer.login()).with(csrf()).param("quantity", "0"));
        assertThat(cart.view(buyer.id()).isEmpty()).isTrue();

        // someone else's line is not theirs to change
        TestAccount other = fixtures.person();
        mvc.perform(post("/cart").with(buyer.login()).with(csrf()).param("product", "" + a));
        long line = cart.view(buyer.id()).lines().get(0).id();
        mvc.perform(post("/cart/lines/" + line).with(other.login()).with(csrf()).param("quantity", "9"))
                .andExpect(status().isNotFound());
        assertThat(cart.view(buyer.id()).lines().get(0).quantity()).isEqualTo(1);
    }
}
