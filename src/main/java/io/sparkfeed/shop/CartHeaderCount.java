package io.sparkfeed.shop;

import io.sparkfeed.accounts.HeaderCount;
import org.springframework.stereotype.Component;

/** The number of items in the signed-in account's cart, in the page header. */
@Component
class CartHeaderCount implements HeaderCount {

    @Override
    public String name() {
        return "cart";
    }

    @Override
    public String sql() {
        return "(select coalesce(sum(c.quantity), 0) from cart_lines c where c.account_id = :id)";
    }
}
