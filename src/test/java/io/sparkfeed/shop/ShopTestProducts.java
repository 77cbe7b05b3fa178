package io.sparkfeed.shop;

import io.sparkfeed.catalog.Catalog;
import io.sparkfeed.catalog.ProductDraft;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** Helpers of the shop tests: a product of their own (price and stock they choose) and a ready checkout. */
final class ShopTestProducts {

    private ShopTestProducts() {}

    static long product(Catalog catalog, String price, int stock) {
        return catalog.create(null, draft(price, stock));
    }

    static ProductDraft draft(String price, int stock) {
        return new ProductDraft(
                "Test product " + UUID.randomUUID().toString().substring(0, 8),
                "Test brand",
                new BigDecimal(price),
                "USD",
                "For the shop tests.",
                "Home",
                stock,
                true,
                List.of());
    }

    static ShippingAddress address() {
        return new ShippingAddress("Ada Buyer", "1 Test Road", "", "Lyon", "69001", "France");
    }

    static Checkout checkout() {
        return new Checkout(address(), "invoice", UUID.randomUUID().toString());
    }

    /** Paid at once by the tests' card gateway, so it never counts as unpaid. */
    static Checkout cardCheckout() {
        return new Checkout(address(), "card", UUID.randomUUID().toString());
    }

    static Checkout checkout(String key) {
        return new Checkout(address(), "invoice", key);
    }
}
