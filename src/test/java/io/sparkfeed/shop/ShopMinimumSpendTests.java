package io.sparkfeed.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.sparkfeed.accounts.Memberships;
import io.sparkfeed.billing.Invoices;
import io.sparkfeed.catalog.Catalog;
import io.sparkfeed.posts.PostingDecision;
import io.sparkfeed.posts.PostingPolicy;
import io.sparkfeed.posts.SpendingLedger;
import io.sparkfeed.support.Fixtures.TestAccount;
import io.sparkfeed.support.IntegrationTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** The minimum-spend rule of posting, with the shop's ledger and the production setting of 50.00. */
@TestPropertySource(properties = "sparkfeed.posting.minimum-spend=50.00")
class ShopMinimumSpendTests extends IntegrationTest {

    @Autowired
    Catalog catalog;

    @Autowired
    Orders orders;

    @Autowired
    PostingPolicy policy;

    @Autowired
    SpendingLedger ledger;

    @Autowired
    Memberships memberships;

    @Autowired
    Invoices invoices;

    /** Places an order by invoice, which an admin then marks paid: only paid orders count. */
    private long paidOrder(TestAccount buyer, long product, TestAccount admin) {
        long order = orders.place(buyer.id(), List.of(new Purchase(product, 1, null)), ShopTestProducts.checkout());
        String reference = orders.get(buyer.id(), order).paymentReference();
        invoices.markPaid(admin.id(), invoices.find(reference).orElseThrow(), null);
        return order;
    }

    @Test
    void postingOpensAtFiftySpentAndCancelledOrdersDoNotCount() {
        long almost = ShopTestProducts.product(catalog, "49.99", 10);
        long cent = ShopTestProducts.product(catalog, "0.01", 10);
        TestAccount member = fixtures.primeMember();
        TestAccount admin = fixtures.admin();
        assertThat(ledger.lifetimeSpend(member.id())).isEqualByComparingTo("0");
        assertThat(policy.check(member.id()).reasonKey()).isEqualTo("posting.rule.minimumSpend");

        long big = paidOrder(member, almost, admin);
        assertThat(ledger.lifetimeSpend(member.id())).isEqualByComparingTo("49.99");
        PostingDecision short1 = policy.check(member.id());
        assertThat(short1.allowed()).isFalse();
        assertThat(short1.reasonKey()).isEqualTo("posting.rule.minimumSpend");
        assertThat((BigDecimal) short1.reasonArguments()[0]).isEqualByComparingTo("50.00");
        assertThat((BigDecimal) short1.reasonArguments()[1]).isEqualByComparingTo("49.99");

        long small = paidOrder(member, cent, admin);
        assertThat(ledger.lifetimeSpend(member.id())).isEqualByComparingTo("50.00");
        assertThat(policy.check(member.id()).allowed()).isTrue();

        orders.cancel(member.id(), small);
        assertThat(ledger.lifetimeSpend(member.id())).isEqualByComparingTo("49.99");
        assertThat(policy.check(member.id()).allowed()).isFalse();

        // a delivered order counts like a placed one
        paidOrder(member, cent, admin);
        orders.advance(admin.id(), big, OrderStatus.SHIPPED);
        orders.advance(admin.id(), big, OrderStatus.DELIVERED);
        assertThat(ledger.lifetimeSpend(member.id())).isEqualByComparingTo("50.00");
        assertThat(policy.check(member.id()).allowed()).isTrue();
    }

    @Test
    void joiningAndOrderingByInvoiceNoLongerOpensPosting() throws Exception {
        assertThat(policy.settings().minimumSpend()).isEqualByComparingTo("50.00");
        // the measured story: join Prime by invoice, order 58.00 by invoice, post, cancel the order
        long product = ShopTestProducts.product(catalog, "58.00", 5);
        TestAccount fresh = fixtures.person();
        mvc.perform(post("/prime/join")
                .param("method", "invoice")
                .with(fresh.login())
                .with(csrf()));
        long order = orders.place(fresh.id(), List.of(new Purchase(product, 1, null)), ShopTestProducts.checkout());
        assertThat(memberships.isPrime(fresh.id())).isFalse();
        assertThat(ledger.lifetimeSpend(fresh.id())).isEqualByComparingTo("0");
        assertThat(policy.check(fresh.id()).reasonKey()).isEqualTo("posting.rule.prime");
        assertThat(mvc.perform(get("/posts/new").with(fresh.login()))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("Posting is for Prime members.");

        // even with Prime granted, an unpaid order is no spend
        fixtures.paidMembership(fresh.id(), Duration.ofDays(30));
        assertThat(policy.check(fresh.id()).reasonKey()).isEqualTo("posting.rule.minimumSpend");
        orders.cancel(fresh.id(), order);
        assertThat(policy.check(fresh.id()).allowed()).isFalse();
    }
}
