package io.sparkfeed.demo;

import io.sparkfeed.accounts.Accounts;
import io.sparkfeed.billing.Invoices;
import io.sparkfeed.catalog.Catalog;
import io.sparkfeed.catalog.ProductCard;
import io.sparkfeed.shop.Checkout;
import io.sparkfeed.shop.OrderStatus;
import io.sparkfeed.shop.Orders;
import io.sparkfeed.shop.Purchase;
import io.sparkfeed.shop.ShippingAddress;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Orders of the demo accounts, before the posts, each paid by invoice (which the admin marks paid): the authors
 * (maya, leo, priya, admin) have delivered orders over the 50.00 minimum spend, so they may post; tom (trial) has
 * spent enough but may not post on a trial, and sam (non-member) has spent less than the minimum.
 */
@Component
@Order(25)
class DemoOrders implements DemoStep {

    private final Orders orders;
    private final Accounts accounts;
    private final Catalog catalog;
    private final Invoices invoices;

    DemoOrders(Orders orders, Accounts accounts, Catalog catalog, Invoices invoices) {
        this.invoices = invoices;
        this.orders = orders;
        this.accounts = accounts;
        this.catalog = catalog;
    }

    @Override
    public String name() {
        return "orders";
    }

    @Override
    public void run() {
        Map<String, ProductCard> products = catalog.find("", 100).stream()
                .collect(Collectors.toMap(ProductCard::title, Function.identity(), (a, b) -> a));
        long admin = id("admin");
        buy(products, "maya", "Cookbook trio", 1, admin);
        buy(products, "leo", "Insulated water bottle", 2, admin);
        buy(products, "priya", "Monstera in a terracotta pot", 2, admin);
        buy(products, "admin", "Roll-top backpack, 22 l", 1, admin);
        buy(products, "tom", "Cookbook trio", 1, admin);
        buy(products, "sam", "Stoneware mug, 350 ml", 2, null);
    }

    /** Places an order by invoice and, with an admin given, ships and delivers it. */
    private void buy(Map<String, ProductCard> products, String handle, String title, int quantity, Long deliveredBy) {
        ProductCard product = products.get(title);
        if (product == null) {
            return;
        }
        long buyer = id(handle);
        var name = accounts.findByHandle(handle).orElseThrow().displayName();
        long order = orders.place(
                buyer,
                List.of(new Purchase(product.id(), quantity, null)),
                new Checkout(
                        new ShippingAddress(name, "12 Demo Street", "", "Springfield", "12345", "United States"),
                        "invoice",
                        UUID.randomUUID().toString()));
        // the admin marks the invoice paid: only paid orders count towards the minimum spend
        String reference = orders.get(buyer, order).paymentReference();
        invoices.markPaid(admin(), invoices.find(reference).orElseThrow(), "Demo data");
        if (deliveredBy != null) {
            orders.advance(deliveredBy, order, OrderStatus.SHIPPED);
            orders.advance(deliveredBy, order, OrderStatus.DELIVERED);
        }
    }

    private long admin() {
        return id("admin");
    }

    private long id(String handle) {
        return accounts.findByHandle(handle).orElseThrow().id();
    }
}
