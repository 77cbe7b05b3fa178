package io.sparkfeed.shop;

import static io.sparkfeed.shop.ShopTestProducts.checkout;
import static io.sparkfeed.shop.ShopTestProducts.product;
import static io.sparkfeed.support.Races.race;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.sparkfeed.catalog.Catalog;
import io.sparkfeed.support.Fixtures;
import io.sparkfeed.support.Fixtures.TestAccount;
import io.sparkfeed.support.IntegrationTest;
import io.sparkfeed.support.SessionCookie;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** Buying: stock under concurrency, idempotent submits, prices as paid, cancelling, and who sees which order. */
class ShopOrderTests extends IntegrationTest {

    @Autowired
    Orders orders;

    @Autowired
    Catalog catalog;

    private int stock(long productId) {
        return jdbc.sql("select stock from products where id = ?")
                .param(productId)
                .query(Integer.class)
                .single();
    }

    private long ordersOf(long productId) {
        return count("select count(*) from order_lines where product_id = ?", productId);
    }

    @Test
    void fiftyBuyersOfTenInStockMakeTenOrdersAndFortySoldOutAnswers() throws Exception {
        long product = product(catalog, "12.00", 10);
        // fifty accounts: one account's orders would queue on its own rows and hide a check-then-update race
        List<TestAccount> buyers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            buyers.add(fixtures.person());
        }
        AtomicInteger next = new AtomicInteger();
        List<String> answers = race(50, () -> {
            TestAccount buyer = buyers.get(next.getAndIncrement());
            try {
                orders.place(buyer.id(), List.of(new Purchase(product, 1, null)), checkout());
                return "ordered";
            } catch (SoldOutException soldOut) {
                return soldOut.messageKey();
            }
        });
        assertThat(answers).filteredOn("ordered"::equals).hasSize(10);
        assertThat(answers).filteredOn("shop.soldOut"::equals).hasSize(40);
        assertThat(ordersOf(product)).isEqualTo(10);
        assertThat(stock(product)).isZero();
        assertThat(jdbc.sql("select count(distinct o.account_id) from orders o join order_lines l on l.order_id = o.id "
                                + "where l.product_id = ?")
                        .param(product)
                        .query(Long.class)
                        .single())
                .isEqualTo(10);
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void twoCartsWithTheSameProductsInOppositeOrdersNeverDeadlock(CapturedOutput output) throws Exception {
        long a = product(catalog, "5.00", 1000);
        long b = product(catalog, "6.00", 1000);
        TestAccount first = fixtures.person();
        TestAccount second = fixtures.person();
        int rounds = 30;
        List<String> failures = new CopyOnWriteArrayList<>();
        for (int round = 0; round < rounds; round++) {
            AtomicInteger turn = new AtomicInteger();
            race(2, () -> {
                boolean ab = turn.getAndIncrement() == 0;
                TestAccount buyer = ab ? first : second;
                List<Purchase> lines = ab
                        ? List.of(new Purchase(a, 1, null), new Purchase(b, 2, null))
                        : List.of(new Purchase(b, 2, null), new Purchase(a, 1, null));
                try {
                    // by card (paid at once): 30 orders an account, more than it may leave unpaid by invoice
                    return orders.place(buyer.id(), lines, ShopTestProducts.cardCheckout());
                } catch (RuntimeException e) {
                    failures.add(e.toString());
                    return null;
                }
            });
        }
        assertThat(failures).isEmpty();
        // not even once: the retry after a lock failure is a safety net, not how these orders get through
        assertThat(output.getAll()).doesNotContain("retried after a lock failure");
        assertThat(stock(a)).isEqualTo(1000 - 2 * rounds);
        assertThat(stock(b)).isEqualTo(1000 - 4 * rounds);
        assertThat(orders.list(first.id())).hasSize(rounds);
        assertThat(orders.list(second.id())).hasSize(rounds);
    }

    @Test
    void pricesAreWrittenTheWayTheReadersLanguageWritesThem() throws Exception {
        long product = product(catalog, "1234.50", 5);
        TestAccount buyer = fixtures.person();
        assertThat(page(get("/products/" + product)).select(".product .price").text())
                .isEqualTo("1,234.50 USD");
        // French: a (narrow, unbreakable) space between thousands and a decimal comma
        String french = page(get("/products/" + product).param("lang", "fr"))
                .select(".product .price")
                .text();
        assertThat(french.replace('\u202f', ' ').replace('\u00a0', ' ')).isEqualTo("1 234,50 USD");
        Document confirm = page(get("/checkout")
                .param("product", "" + product)
                .param("quantity", "2")
                .header("Accept-Language", "fr-FR,fr;q=0.9")
                .with(buyer.login()));
        assertThat(confirm.select("[data-total]").text().replace('\u202f', ' ').replace('\u00a0', ' '))
                .isEqualTo("2 469,00 USD");
    }

    @Test
    void aSoldOutOrderWritesNothingAndSaysSo() throws Exception {
        long product = product(catalog, "12.00", 1);
        TestAccount buyer = fixtures.person();
        assertThatThrownBy(() -> orders.place(buyer.id(), List.of(new Purchase(product, 2, null)), checkout()))
                .isInstanceOf(SoldOutException.class);
        assertThat(stock(product)).isEqualTo(1);
        assertThat(orders.list(buyer.id())).isEmpty();
        assertThat(count("select count(*) from invoices where account_id = ?", buyer.id()))
                .isZero();

        var refused = mvc.perform(post("/checkout")
                        .with(buyer.login())
                        .with(csrf())
                        .param("product", "" + product)
                        .param("quantity", "2")
                        .param("key", UUID.randomUUID().toString())
                        .param("method", "invoice")
                        .param("quote", Quote.single(product, 2, new BigDecimal("12.00"), "USD"))
                        .params(addressParams()))
                .andExpect(redirectedUrl("/products/" + product))
                .andExpect(flash().attribute("problem", "shop.soldOut"))
                .andReturn();
        assertThat(page(get("/products/" + product).with(buyer.login()).with(SessionCookie.of(refused)))
                        .select(".flash.problem")
                        .text())
                .contains("sold out");
    }

    private static MultiValueMap<String, String> addressParams() {
        var params = new LinkedMultiValueMap<String, String>();
        params.add("name", "Ada Buyer");
        params.add("line1", "1 Test Road");
        params.add("line2", "");
        params.add("city", "Lyon");
        params.add("postcode", "69001");
        params.add("country", "France");
        return params;
    }

    @Test
    void buyNowIsTwoClicksAndADoubleSubmitPlacesOneOrder() throws Exception {
        long product = product(catalog, "19.90", 5);
        TestAccount buyer = fixtures.person();
        Document confirm = page(get("/products/" + product).with(buyer.login()));
        assertThat(confirm.select("form[data-buy-now] button").text()).isEqualTo("Buy now");

        Document page = page(get("/checkout")
                .param("product", "" + product)
                .param("quantity", "2")
                .with(buyer.login()));
        assertThat(page.select("[data-total]").text()).isEqualTo("39.80 USD");
        assertThat(page.select("input[name=name]")).hasSize(1);
        String key = page.select("input[name=key]").val();
        assertThat(key).isNotBlank();

        var submit = post("/checkout")
                .with(buyer.login())
                .with(csrf())
                .param("product", "" + product)
                .param("quantity", "2")
                .param("key", key)
                .param("method", "invoice")
                .params(addressParams())
                .param("quote", page.select("input[name=quote]").val())
                // a forged price or total is ignored: the server takes the catalog's
                .param("price", "0.01")
                .param("total", "0.01");
        String first = mvc.perform(submit)
                .andExpect(redirectedUrlPattern("/orders/*"))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        String second = mvc.perform(submit)
                .andExpect(redirectedUrlPattern("/orders/*"))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(second).isEqualTo(first);
        assertThat(orders.list(buyer.id())).hasSize(1);
        assertThat(orders.list(buyer.id()).get(0).total()).isEqualByComparingTo("39.80");
        assertThat(stock(product)).isEqualTo(3);

        Document order = page(get(first).with(buyer.login()));
        assertThat(order.select("[data-total]").text()).isEqualTo("39.80 USD");
        assertThat(order.select("[data-status]").text()).isEqualTo("Placed");
        assertThat(order.text()).contains("1 Test Road").contains("Pay by invoice");
        // the address is saved: the next confirmation page is filled in
        assertThat(page(get("/checkout").param("product", "" + product).with(buyer.login()))
                        .select("input[name=city]")
                        .val())
                .isEqualTo("Lyon");
        assertThat(page(get("/orders").with(buyer.login())).select("tbody tr")).hasSize(1);
    }

    @Test
    void concurrentSubmitsWithOneKeyPlaceOneOrder() throws Exception {
        long product = product(catalog, "30.00", 5);
        TestAccount buyer = fixtures.person();
        String key = UUID.randomUUID().toString();
        List<Long> ids = race(
                8,
                () -> orders.place(
                        buyer.id(), List.of(new Purchase(product, 1, null)), ShopTestProducts.checkout(key)));
        assertThat(ids).containsOnly(ids.get(0));
        assertThat(orders.list(buyer.id())).hasSize(1);
        assertThat(stock(product)).isEqualTo(4);
        assertThat(count("select count(*) from invoices where account_id = ?", buyer.id()))
                .isEqualTo(1);
    }

    @Test
    void aLaterPriceChangeDoesNotChangePastOrders() throws Exception {
        long product = product(catalog, "40.00", 5);
        TestAccount buyer = fixtures.person();
        long id = orders.place(buyer.id(), List.of(new Purchase(product, 1, null)), checkout());
        var draft = ShopTestProducts.draft("99.00", 4);
        catalog.update(fixtures.admin().id(), product, draft, "price rise");

        OrderDetails order = orders.get(buyer.id(), id);
        assertThat(order.total()).isEqualByComparingTo("40.00");
        assertThat(order.lines().get(0).price()).isEqualByComparingTo("40.00");
        assertThat(page(get("/orders/" + id).with(buyer.login()))
                        .select("[data-total]")
                        .text())
                .isEqualTo("40.00 USD");
        long next = orders.place(buyer.id(), List.of(new Purchase(product, 1, null)), checkout());
        assertThat(orders.get(buyer.id(), next).total()).isEqualByComparingTo("99.00");
    }

    @Test
    void cancellingAPlacedOrderReturnsItsStockOnce() throws Exception {
        long product = product(catalog, "15.00", 5);
        TestAccount buyer = fixtures.person();
        long id = orders.place(buyer.id(), List.of(new Purchase(product, 3, null)), checkout());
        assertThat(stock(product)).isEqualTo(2);
        String invoice =
                "select i.status from invoices i join orders o on o.payment_reference = i.reference where o.id = ?";
        assertThat(jdbc.sql(invoice).param(id).query(String.class).single()).isEqualTo("OWED");

        mvc.perform(post("/orders/" + id + "/cancel").with(buyer.login()).with(csrf()))
                .andExpect(redirectedUrl("/orders/" + id))
                .andExpect(flash().attribute("notice", "shop.order.cancelled"));
        assertThat(stock(product)).isEqualTo(5);
        assertThat(jdbc.sql(invoice).param(id).query(String.class).single())
                .as("the owed invoice is voided")
                .isEqualTo("VOID");
        mvc.perform(post("/orders/" + id + "/cancel").with(buyer.login()).with(csrf()))
                .andExpect(flash().attribute("problem", "shop.order.notCancellable"));
        assertThat(stock(product)).isEqualTo(5);
        Document page = page(get("/orders/" + id).with(buyer.login()));
        assertThat(page.select("[data-status]").text()).isEqualTo("Cancelled");
        assertThat(page.select("form[action$=/cancel]")).isEmpty();
    }

    @Test
    void aShippedOrderCannotBeCancelledAndTheAdminActionIsAudited() {
        long product = product(catalog, "15.00", 5);
        TestAccount buyer = fixtures.person();
        TestAccount admin = fixtures.admin();
        long id = orders.place(buyer.id(), List.of(new Purchase(product, 1, null)), checkout());
        orders.advance(admin.id(), id, OrderStatus.SHIPPED);
        assertThatThrownBy(() -> orders.cancel(buyer.id(), id)).hasMessage("shop.order.notCancellable");
        assertThat(stock(product)).isEqualTo(4);
        assertThat(count("select count(*) from audit_entries where target_type = 'ORDER' and target_id = ?", id))
                .isEqualTo(1);
    }

    @Test
    void anotherAccountsOrderIsNotFound() throws Exception {
        long product = product(catalog, "15.00", 5);
        TestAccount buyer = fixtures.person();
        TestAccount other = fixtures.primeMember();
        long id = orders.place(buyer.id(), List.of(new Purchase(product, 1, null)), checkout());
        mvc.perform(get("/orders/" + id).with(other.login())).andExpect(status().isNotFound());
        mvc.perform(post("/orders/" + id + "/cancel").with(other.login()).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(orders.get(buyer.id(), id).status()).isEqualTo(OrderStatus.PLACED);
        assertThat(page(get("/orders").with(other.login())).select("tbody tr")).isEmpty();
    }

    @Test
    void aVisitorWhoClicksBuyLogsInAndComesBackToTheConfirmation() throws Exception {
        long product = fixtures.product(2);
        TestAccount buyer = fixtures.person();
        Document productPage = page(get("/products/" + product).param("from", "123"));
        assertThat(productPage.select("form[data-buy-now]").attr("method")).isEqualTo("get");
        assertThat(productPage.select("form[data-add-to-cart]")).isEmpty();

        // the page to come back to is kept in a cookie (a visitor has no session); the login opens the session
        var asked = mvc.perform(get("/checkout?product=" + product + "&quantity=1&from=123"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"))
                .andReturn();
        assertThat(asked.getResponse().getCookie(SessionCookie.NAME)).isNull();
        var login = mvc.perform(post("/login")
                        .param("login", buyer.email())
                        .param("password", Fixtures.PASSWORD)
                        .with(csrf())
                        .cookie(asked.getResponse().getCookies()))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        var session = SessionCookie.of(login);
        String back = login.getResponse().getRedirectedUrl();
        assertThat(back).contains("/checkout?product=" + product + "&quantity=1&from=123");
        assertThat(page(get(back).with(session))
                        .select("form[data-place-order] input[name=from]")
                        .val())
                .isEqualTo("123");
    }

    @Test
    void visitorsAreSentToLogInForEveryShopRoute() throws Exception {
        for (String path : List.of("/cart", "/orders", "/orders/1", "/me/stats", "/checkout?product=1")) {
            mvc.perform(get(path)).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        }
        TestAccount buyer = fixtures.person();
        mvc.perform(post("/cart").with(buyer.login()).param("product", "1")).andExpect(status().isForbidden());
    }

    @Test
    void theLayoutLinksTheCartAndTheOrdersForSignedInAccounts() throws Exception {
        TestAccount buyer = fixtures.person();
        Document signedIn = page(get("/").param("size", "1").with(buyer.login()));
        assertThat(signedIn.select(".account-nav a[href=/cart]").text()).isEqualTo("Cart");
        assertThat(signedIn.select(".account-nav a[href=/orders]").text()).isEqualTo("Orders");
        assertThat(page(get("/").param("size", "1")).select("a[href=/cart]")).isEmpty();
    }

    @Test
    void aDeclinedOrInvalidCheckoutPlacesNothing() throws Exception {
        long product = product(catalog, "15.00", 5);
        TestAccount buyer = fixtures.person();
        String key = UUID.randomUUID().toString();
        var invalid = post("/checkout")
                .with(buyer.login())
                .with(csrf())
                .param("product", "" + product)
                .param("quantity", "1")
                .param("key", key)
                .param("method", "invoice")
                .param("name", "")
                .param("line1", "")
                .param("city", "")
                .param("postcode", "")
                .param("country", "");
        Document page = Jsoup.parse(mvc.perform(invalid)
                .andExpect(status().is(422))
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(page.select(".field-error").text()).contains("Enter the name to ship to.");
        assertThat(page.select("form[data-place-order] input[name=key]").val()).isEqualTo(key);
        mvc.perform(post("/checkout")
                        .with(buyer.login())
                        .with(csrf())
                        .param("product", "" + product)
                        .param("quantity", "1")
                        .param("key", UUID.randomUUID().toString())
                        .param("method", "bitcoin")
                        .params(addressParams()))
                .andExpect(flash().attribute("problem", "payment.unknownMethod"));
        assertThat(orders.list(buyer.id())).isEmpty();
        assertThat(stock(product)).isEqualTo(5);
        assertThat(orders.lifetimeSpend(buyer.id())).isEqualByComparingTo(BigDecimal.ZERO);
    }

    @Test
    void onlyAdminsMarkOrdersShippedThenDelivered() throws Exception {
        long product = product(catalog, "15.00", 5);
        TestAccount buyer = fixtures.person();
        TestAccount admin = fixtures.admin();
        long id = orders.place(buyer.id(), List.of(new Purchase(product, 1, null)), checkout());
        mvc.perform(post("/admin/orders/" + id + "/shipped").with(buyer.login()).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(page(get("/admin/orders").with(admin.login()))
                        .select("#order-" + id + " button")
                        .text())
                .isEqualTo("Mark shipped");
        mvc.perform(post("/admin/orders/" + id + "/delivered")
                        .with(admin.login())
                        .with(csrf()))
                .andExpect(flash().attribute("problem", "shop.order.notAdvanced"));
        mvc.perform(post("/admin/orders/" + id + "/shipped").with(admin.login()).with(csrf()))
                .andExpect(redirectedUrl("/admin/orders"));
        mvc.perform(post("/admin/orders/" + id + "/delivered")
                        .with(admin.login())
                        .with(csrf()))
                .andExpect(redirectedUrl("/admin/orders"));
        assertThat(orders.get(buyer.id(), id).status()).isEqualTo(OrderStatus.DELIVERED);
        assertThat(jdbc.sql(
                                "select action from audit_entries where target_type = 'ORDER' and target_id = ? order by id")
                        .param(id)
                        .query(String.class)
                        .list())
                .containsExactly("ORDER_SHIPPED", "ORDER_DELIVERED");
    }
}
