package io.sparkfeed.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.sparkfeed.support.IntegrationTest;
import io.sparkfeed.support.StatementCounter;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The header shows how many items the cart holds, without costing the page another statement. */
class HeaderCartTests extends IntegrationTest {

    @Autowired
    Cart cart;

    @Test
    void theCartLinkCountsItsItems() throws Exception {
        var buyer = fixtures.person();
        String empty = mvc.perform(get("/").with(buyer.login()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(Jsoup.parse(empty).select(".cart-link .unread")).isEmpty();
        StatementCounter.reset();
        mvc.perform(get("/").with(buyer.login()));
        int before = StatementCounter.count();
        assertThat(before).isBetween(1, 4);

        cart.add(buyer.id(), fixtures.product(0), 2, null);
        cart.add(buyer.id(), fixtures.product(1), 1, null);
        StatementCounter.reset();
        String full = mvc.perform(get("/").with(buyer.login()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(StatementCounter.count()).isEqualTo(before);
        assertThat(Jsoup.parse(full).select(".cart-link .unread").text()).isEqualTo("3");
    }
}
