package io.sparkfeed.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;

import io.sparkfeed.accounts.Memberships;
import io.sparkfeed.billing.Invoices;
import io.sparkfeed.catalog.Catalog;
import io.sparkfeed.posts.PostingPolicy;
import io.sparkfeed.posts.SpendingLedger;
import io.sparkfeed.support.Fixtures.TestAccount;
import io.sparkfeed.support.IntegrationTest;
import io.sparkfeed.support.SessionCookie;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The payment gates of the shop and of posting: only paid orders count, an order is placed at the prices its buyer
 * confirmed, unpaid orders are few and give their stock back after a while.
 */
class PaymentGatesTests extends IntegrationTest {

    @Autowired
    Catalog catalog;

    @Autowired
    Orders orders;

    @Autowired
    Invoices invoices;

    @Autowired
    Memberships memberships;

    @Autowired
    PostingPolicy policy;

    @Autowired
    SpendingLedger ledger;

    @Autowired
    UnpaidOrderRelease release;

    @Autowired
    ShopProperties settings;

    private static MockHttpServletRequestBuilder withAddress(MockHttpServletRequestBuilder request) {
        return request.param("name", "Ada Buyer")
                .param("line1", "1 Test Road")
                .param("line2", "")
                .param("city", "Lyon")
                .param("postcode", "69001")
                .param("country", "France");
    }

    /** Opens the confirmation page, then places the order with what the page carried. */
    private String buyNow(TestAccount buyer, long product, int quantity, String method) throws Exception {
        Document confirm = page(get("/checkout")
                .param("product", "" + product)
                .param("quantity", "" + quantity)
                .with(buyer.login()));
        return placeFrom(confirm, buyer, method);
    }

    private String placeFrom(Document confirm, TestAccount buyer, String method) throws Exception {
        return place(confirm, buyer, method).getResponse().getRedirectedUrl();
    }

    private MvcResult place(Document confirm, TestAccount buyer, String method) throws Exception {
        return mvc.perform(withAddress(post("/checkout")
                        .with(buyer.login())
                        .with(csrf())
                        .param("product", confirm.select("input[name=product]").val())
                        .param(
                                "quantity",
                                confirm.select("input[name=quantity]").val())
                        .param("key", confirm.select("input[name=key]").val())
                        .param("quote", confirm.select("input[name=quote]").val())
                        .param("method", method)))
                .andReturn();
    }

    private static long orderId(String redirect) {
        assertThat(redirect).startsWith("/orders/");
        return Long.parseLong(redirect.substring("/orders/".length()));
    }

    private void pay(long buyer, long order, TestAccount admin) {
        String reference = orders.get(buyer, order).paymentReference();
        invoices.markPaid(admin.id(), invoices.find(reference).orElseThrow(), null);
    }

    private int stock(long product) {
        return jdbc.sql("select stock from products where id = ?")
                .param(product)
                .query(Integer.class)
                .single();
    }

    private String status(long order) {
        return jdbc.sql("select status from orders where id = ?")
                .param(order)
                .query(String.class)
                .single();
    }

    @Test
    void theMinimumSpendCountsPaidOrdersOnly() throws Exception {
        long product = ShopTestProducts.product(catalog, "30.00", 10);
        TestAccount buyer = fixtures.primeMember();
        TestAccount admin = fixtures.admin();
        long first = orderId(buyNow(buyer, product, 1, "invoice"));
        long second = orderId(buyNow(buyer, product, 1, "invoice"));
        assertThat(ledger.lifetimeSpend(buyer.id())).isEqualByComparingTo("0");
        pay(buyer.id(), first, admin);
        assertThat(ledger.lifetimeSpend(buyer.id())).isEqualByComparingTo("30.00");
        pay(buyer.id(), second, admin);
        assertThat(ledger.lifetimeSpend(buyer.id())).isEqualByComparingTo("60.00");
        // a paid order cancelled (the operator refunds it) no longer counts
        orders.cancel(buyer.id(), second);
        assertThat(ledger.lifetimeSpend(buyer.id())).isEqualByComparingTo("30.00");
        // a card payment is paid at once
        orderId(buyNow(buyer, product, 1, "card"));
        assertThat(ledger.lifetimeSpend(buyer.id())).isEqualByComparingTo("60.00");
    }

    @Test
    void anOrderIsPlacedOnlyAtThePriceItsBuyerConfirmed() throws Exception {
        long product = ShopTestProducts.product(catalog, "10.00", 5);
        TestAccount buyer = fixtures.person();
        Document confirm = page(get("/checkout").param("product", "" + product).with(buyer.login()));
        assertThat(confirm.select("[data-total]").text()).isEqualTo("10.00 USD");
        // an admin changes the price while the page is open
        jdbc.sql("update products set price = 99.00 where id = ?")
                .param(product)
                .update();

        var changed = mvc.perform(withAddress(post("/checkout")
                        .with(buyer.login())
                        .with(csrf())
                        .param("product", "" + product)
                        .param("quantity", "1")
                        .param("key", confirm.select("input[name=key]").val())
                        .param("quote", confirm.select("input[name=quote]").val())
                        .param("method", "invoice")))
                .andExpect(redirectedUrl("/checkout?product=" + product + "&quantity=1"))
                .andExpect(flash().attribute("problem", "shop.price.changed"))
                .andReturn();
        assertThat(count("select count(*) from orders where account_id = ?", buyer.id()))
                .isZero();
        assertThat(count("select count(*) from invoices where account_id = ?", buyer.id()))
                .isZero();
        assertThat(stock(product)).isEqualTo(5);

        // the redirect's flash message travels in the session the answer opened
        Document again = page(get("/checkout?product=" + product + "&quantity=1")
                .with(buyer.login())
                .with(SessionCookie.of(changed)));
        assertThat(again.select("[data-total]").text()).isEqualTo("99.00 USD");
        assertThat(again.select(".flash.problem").text()).contains("A price or your order changed");
        long order = orderId(placeFrom(again, buyer, "invoice"));
        assertThat(orders.get(buyer.id(), order).total()).isEqualByComparingTo("99.00");

        // a form without its quote (made up, or from an older page) places nothing either
        mvc.perform(withAddress(post("/checkout")
                        .with(buyer.login())
                        .with(csrf())
                        .param("product", "" + product)
                        .param("quantity", "1")
                        .param("key", UUID.randomUUID().toString())
                        .param("method", "invoice")))
                .andExpect(flash().attribute("problem", "shop.price.changed"));
    }

    @Test
    void theCartIsPlacedOnlyAsItsBuyerSawIt() throws Exception {
        long lamp = ShopTestProducts.product(catalog, "10.00", 5);
        long mug = ShopTestProducts.product(catalog, "4.00", 5);
        TestAccount buyer = fixtures.person();
        mvc.perform(
                post("/cart").param("product", "" + lamp).with(buyer.login()).with(csrf()));
        mvc.perform(post("/cart").param("product", "" + mug).with(buyer.login()).with(csrf()));
        Document cart = page(get("/cart").with(buyer.login()));
        assertThat(cart.select("[data-total]").text()).isEqualTo("14.00 USD");
        jdbc.sql("update products set price = 99.00 where id = ?").param(lamp).update();

        mvc.perform(withAddress(post("/cart/checkout")
                        .with(buyer.login())
                        .with(csrf())
                        .param("key", cart.select("input[name=key]").val())
                        .param("quote", cart.select("input[name=quote]").val())
                        .param("method", "invoice")))
                .andExpect(redirectedUrl("/cart"))
                .andExpect(flash().attribute("problem", "shop.price.changed"));
        assertThat(count("select count(*) from orders where account_id = ?", buyer.id()))
                .isZero();
        assertThat(count("select count(*) from cart_lines where account_id = ?", buyer.id()))
                .as("the cart stays")
                .isEqualTo(2);

        Document again = page(get("/cart").with(buyer.login()));
        assertThat(again.select("[data-total]").text()).isEqualTo("103.00 USD");
        mvc.perform(withAddress(post("/cart/checkout")
                        .with(buyer.login())
                        .with(csrf())
                        .param("key", again.select("input[name=key]").val())
                        .param("quote", again.select("input[name=quote]").val())
                        .param("method", "invoice")))
                .andExpect(redirectedUrlPattern("/orders/*"));
    }

    @Test
    void anAccountHoldsOnlyAFewUnpaidOrders() throws Exception {
        long product = ShopTestProducts.product(catalog, "1.00", 100);
        TestAccount buyer = fixtures.person();
        TestAccount admin = fixtures.admin();
        long first = 0;
        for (int i = 0; i < settings.maxUnpaidOrders(); i++) {
            long id = orders.place(buyer.id(), List.of(new Purchase(product, 1, null)), ShopTestProducts.checkout());
            first = first == 0 ? id : first;
        }
        Document confirm = page(get("/checkout").param("product", "" + product).with(buyer.login()));
        MvcResult placed = place(confirm, buyer, "invoice");
        assertThat(placed.getResponse().getRedirectedUrl()).isEqualTo("/products/" + product);
        Document refused = page(get("/products/" + product).with(buyer.login()).with(SessionCookie.of(placed)));
        assertThat(refused.select(".flash.problem").text()).contains("too many orders waiting for payment");
        assertThat(stock(product)).isEqualTo(100 - settings.maxUnpaidOrders());
        assertThat(count("select count(*) from invoices where account_id = ?", buyer.id()))
                .isEqualTo(settings.maxUnpaidOrders());

        // paying (or cancelling) one makes room for the next
        pay(buyer.id(), first, admin);
        orders.place(buyer.id(), List.of(new Purchase(product, 1, null)), ShopTestProducts.checkout());
        assertThatThrownBy(() ->
                        orders.place(buyer.id(), List.of(new Purchase(product, 1, null)), ShopTestProducts.checkout()))
                .hasMessage("shop.order.tooManyUnpaid");
    }

    @Test
    void unpaidOrdersGiveTheirStockBackOnceAfterTheirTime() {
        long product = ShopTestProducts.product(catalog, "5.00", 10);
        TestAccount buyer = fixtures.person();
        TestAccount admin = fixtures.admin();
        Instant placed = Instant.now();
        clock.pin(placed);
        long unpaid = orders.place(buyer.id(), List.of(new Purchase(product, 3, null)), ShopTestProducts.checkout());
        long paid = orders.place(buyer.id(), List.of(new Purchase(product, 2, null)), ShopTestProducts.checkout());
        pay(buyer.id(), paid, admin);
        clock.pin(placed.plus(Duration.ofDays(1)));
        long recent = orders.place(buyer.id(), List.of(new Purchase(product, 1, null)), ShopTestProducts.checkout());
        assertThat(stock(product)).isEqualTo(4);

        clock.pin(placed.plus(settings.unpaidOrderTtl()).minusSeconds(1));
        release.releaseExpired();
        assertThat(status(unpaid)).isEqualTo("PLACED");

        clock.pin(placed.plus(settings.unpaidOrderTtl()).plusSeconds(1));
        release.releaseExpired();
        assertThat(status(unpaid)).isEqualTo("EXPIRED");
        assertThat(status(paid)).isEqualTo("PLACED");
        assertThat(status(recent)).isEqualTo("PLACED");
        assertThat(stock(product)).isEqualTo(7);
        assertThat(invoiceStatus(unpaid)).isEqualTo("VOID");
        // again, as a second instance or a restarted job would: the stock comes back exactly once
        release.releaseExpired();
        assertThat(stock(product)).isEqualTo(7);
        assertThat(orders.get(buyer.id(), unpaid).status()).isEqualTo(OrderStatus.EXPIRED);

        Awaitility.await()
                .atMost(10, TimeUnit.SECONDS)
                .untilAsserted(() -> assertThat(jdbc.sql(
                                        "select count(*) from notifications where recipient_id = ? and kind = 'ORDER_EXPIRED'")
                                .param(buyer.id())
                                .query(Long.class)
                                .single())
                        .isOne());
        // an expired order's invoice can no longer be paid, and the buyer cannot cancel it
        assertThatThrownBy(() -> orders.cancel(buyer.id(), unpaid)).hasMessage("shop.order.notCancellable");
    }

    @Test
    void anOrderThatCannotBeReleasedHoldsBackNoOther() {
        long product = ShopTestProducts.product(catalog, "5.00", 10);
        TestAccount buyer = fixtures.person();
        Instant placed = Instant.now();
        clock.pin(placed);
        // the first in line is paid by card; its charge awaits confirmation, and the processor will be unreachable
        cardGateway.awaitConfirmationFrom(buyer.id());
        long stuck = orders.place(buyer.id(), List.of(new Purchase(product, 2, null)), ShopTestProducts.cardCheckout());
        String card = orders.get(buyer.id(), stuck).paymentReference();
        cardGateway.failCancelling(card);
        long second = orders.place(buyer.id(), List.of(new Purchase(product, 3, null)), ShopTestProducts.checkout());
        long third = orders.place(buyer.id(), List.of(new Purchase(product, 1, null)), ShopTestProducts.checkout());
        assertThat(stuck).isLessThan(second).isLessThan(third);
        assertThat(stock(product)).isEqualTo(4);

        clock.pin(placed.plus(settings.unpaidOrderTtl()).plusSeconds(1));
        release.releaseExpired();
        // the orders behind it are released: stock back, invoices void
        assertThat(status(second)).isEqualTo("EXPIRED");
        assertThat(status(third)).isEqualTo("EXPIRED");
        assertThat(invoiceStatus(second)).isEqualTo("VOID");
        assertThat(invoiceStatus(third)).isEqualTo("VOID");
        // the one that failed is as it was: placed, unpaid, its stock still held
        assertThat(status(stuck)).isEqualTo("PLACED");
        assertThat(orders.get(buyer.id(), stuck).paid()).isFalse();
        assertThat(stock(product)).isEqualTo(8);

        // still unreachable: the next run leaves it again, and changes nothing else
        release.releaseExpired();
        assertThat(status(stuck)).isEqualTo("PLACED");
        assertThat(stock(product)).isEqualTo(8);

        // once the processor answers, a later run releases it
        cardGateway.recover(card);
        release.releaseExpired();
        assertThat(status(stuck)).isEqualTo("EXPIRED");
        assertThat(status(second)).isEqualTo("EXPIRED");
        assertThat(stock(product)).isEqualTo(10);
    }

    @Test
    void anOrderThatCannotBeReleasedHoldsBackNoOtherInItsBatchOrTheNext() {
        Instant placed = Instant.now();
        Instant expired = placed.plus(settings.unpaidOrderTtl()).plusSeconds(1);
        // the orders earlier tests left unpaid are released first, so that this test's orders make the first batch
        clock.pin(expired);
        release.releaseExpired();
        clock.pin(placed);
        int others = UnpaidOrderRelease.BATCH * 3 / 2;
        long product = ShopTestProducts.product(catalog, "5.00", others + 2);
        TestAccount buyer = fixtures.person();
        // the first in line awaits a card confirmation, and the processor will be unreachable for it
        cardGateway.awaitConfirmationFrom(buyer.id());
        long stuck = orders.place(buyer.id(), List.of(new Purchase(product, 1, null)), ShopTestProducts.cardCheckout());
        String card = orders.get(buyer.id(), stuck).paymentReference();
        cardGateway.failCancelling(card);
        // behind it, a batch and a half of copies of it, each holding one unit: made in SQL, as placing them one by
        // one would meet the limit on unpaid orders
        String copies = """
                insert into orders (account_id, status, total, currency, ship_name, ship_line1, ship_line2, ship_city,
                                    ship_postcode, ship_country, payment_method, payment_reference, idempotency_key,
                                    created_at, updated_at)
                select account_id, status, total, currency, ship_name, ship_line1, ship_line2, ship_city, ship_postcode,
                       ship_country, payment_method, payment_reference || '-' || n, idempotency_key || '-' || n,
                       created_at, updated_at
                from orders, generate_series(1, ?) n where id = ? order by n""";
        jdbc.sql(copies).params(others, stuck).update();
        String theirLines = """
                insert into order_lines (order_id, position, product_id, title, price, quantity, post_id)
                select o.id, l.position, l.product_id, l.title, l.price, l.quantity, l.post_id
                from orders o join order_lines l on l.order_id = ? where o.account_id = ? and o.id > ?""";
        jdbc.sql(theirLines).params(stuck, buyer.id(), stuck).update();
        assertThat(catalog.takeStock(product, others)).isTrue();
        assertThat(stock(product)).isOne();

        clock.pin(expired);
        // a run that never moved past the failing order would not end
        int released = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> release.releaseExpired());
        assertThat(released).isEqualTo(others);
        assertThat(count(
                        "select count(*) from orders where account_id = ? and id > ? and status = 'EXPIRED'",
                        buyer.id(),
                        stuck))
                .as("every order behind the failing one, in its batch and the next")
                .isEqualTo(others);
        // tried once in the run, not again for the next batch
        assertThat(cardGateway.cancellations(card)).isOne();
        assertThat(status(stuck)).isEqualTo("PLACED");
        assertThat(orders.get(buyer.id(), stuck).paid()).isFalse();
        assertThat(stock(product))
                .as("all the stock back but the failing order's unit")
                .isEqualTo(others + 1);
    }

    private String invoiceStatus(long order) {
        return jdbc.sql("select i.status from invoices i join orders o on o.payment_reference = i.reference "
                        + "where o.id = ?")
                .param(order)
                .query(String.class)
                .single();
    }

    @Test
    void voidingAnOrdersInvoiceCancelsItAndReturnsItsStock() throws Exception {
        long product = ShopTestProducts.product(catalog, "5.00", 10);
        TestAccount buyer = fixtures.person();
        TestAccount admin = fixtures.admin();
        long order = orders.place(buyer.id(), List.of(new Purchase(product, 4, null)), ShopTestProducts.checkout());
        long invoice =
                invoices.find(orders.get(buyer.id(), order).paymentReference()).orElseThrow();
        mvc.perform(post("/admin/invoices/" + invoice + "/void")
                        .param("reason", "buyer never answered")
                        .with(admin.login())
                        .with(csrf()))
                .andExpect(flash().attribute("notice", "admin.invoices.markedVoid"));
        assertThat(status(order)).isEqualTo("CANCELLED");
        assertThat(stock(product)).isEqualTo(10);
    }

    @Test
    void theInvoicesPageIsFilteredAndPaged() throws Exception {
        TestAccount admin = fixtures.admin();
        TestAccount owes = fixtures.person();
        jdbc.sql("""
                        insert into invoices (account_id, method, description, amount, currency, status, reference)
                        select ?, 'invoice', 'Paging test', 1.00, 'USD', 'OWED', 'INV-PAGE-' || ? || '-' || n
                        from generate_series(1, 55) n""").params(owes.id(), owes.id()).update();
        Document first = page(get("/admin/invoices").with(admin.login()));
        assertThat(first.select("tr[id^=invoice-]")).hasSize(50);
        assertThat(first.select("tr[id^=invoice-] td:nth-child(6)").eachText()).containsOnly("Owed");
        String older = first.select("p.more a").attr("href");
        assertThat(older).contains("before=");
        Document second = page(get(older).with(admin.login()));
        assertThat(second.text()).contains("INV-PAGE-" + owes.id() + "-1");

        String paidReference = "INV-PAGE-" + owes.id() + "-55";
        invoices.markPaid(admin.id(), invoices.find(paidReference).orElseThrow(), null);
        Document paid = page(get("/admin/invoices").param("status", "PAID").with(admin.login()));
        assertThat(paid.text()).contains(paidReference);
        assertThat(paid.select("tr[id^=invoice-] td:nth-child(6)").eachText()).containsOnly("Paid");
        assertThat(page(get("/admin/invoices").param("status", "ALL").with(admin.login()))
                        .text())
                .contains(paidReference);
    }
}
