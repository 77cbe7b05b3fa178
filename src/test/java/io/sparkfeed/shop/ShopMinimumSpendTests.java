package io.sparkfeed.shop;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkfeed.catalog.Catalog;
import io.sparkfeed.posts.PostingDecision;
import io.sparkfeed.posts.PostingPolicy;
import io.sparkfeed.posts.SpendingLedger;
import io.sparkfeed.support.Fixtures.TestAccount;
import io.sparkfeed.support.IntegrationTest;
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

    @Test
    void postingOpensAtFiftySpentAndCancelledOrdersDoNotCount() {
        long almost = ShopTestProducts.product(catalog, "49.99", 10);
        long cent = ShopTestProducts.product(catalog, "0.01", 10);
        TestAccount member = fixtures.primeMember();
        assertThat(ledger.lifetimeSpend(member.id())).isEqualByComparingTo("0");
        assertThat(policy.check(member.id()).reasonKey()).isEqualTo("posting.rule.minimumSpend");

        long big = orders.place(member.id(), List.of(new Purchase(almost, 1, null)), ShopTestProducts.checkout());
        assertThat(ledger.lifetimeSpend(member.id())).isEqualByComparingTo("49.99");
        PostingDecision short1 = policy.check(member.id());
        assertThat(short1.allowed()).isFalse();
        assertThat(short1.reasonKey()).isEqualTo("posting.rule.minimumSpend");
        assertThat((java.math.BigDecimal) short1.reasonArguments()[0]).isEqualByComparingTo("50.00");
        assertThat((java.math.BigDecimal) short1.reasonArguments()[1]).isEqualByComparingTo("49.99");

        long small = orders.place(member.id(), List.of(new Purchase(cent, 1, null)), ShopTestProducts.checkout());
        assertThat(ledger.lifetimeSpend(member.id())).isEqualByComparingTo("50.00");
        assertThat(policy.check(member.id()).allowed()).isTrue();

        orders.cancel(member.id(), small);
        assertThat(ledger.lifetimeSpend(member.id())).isEqualByComparingTo("49.99");
        assertThat(policy.check(member.id()).allowed()).isFalse();

        // a delivered order counts like a placed one
        TestAccount admin = fixtures.admin();
        orders.place(member.id(), List.of(new Purchase(cent, 1, null)), ShopTestProducts.checkout());
        orders.advance(admin.id(), big, OrderStatus.SHIPPED);
        orders.advance(admin.id(), big, OrderStatus.DELIVERED);
        assertThat(ledger.lifetimeSpend(member.id())).isEqualByComparingTo("50.00");
        assertThat(policy.check(member.id()).allowed()).isTrue();
    }

    @Test
    void theDemoAuthorsMayPostAndSamAndTomMayNot() {
        for (String author : List.of("maya", "leo", "priya", "admin")) {
            long id = jdbc.sql("select id from accounts where handle = ?").param(author).query(Long.class).single();
            assertThat(ledger.lifetimeSpend(id)).as(author).isGreaterThanOrEqualTo(new java.math.BigDecimal("50.00"));
        }
        long sam = jdbc.sql("select id from accounts where handle = 'sam'").query(Long.class).single();
        long tom = jdbc.sql("select id from accounts where handle = 'tom'").query(Long.class).single();
        assertThat(ledger.lifetimeSpend(sam)).isLessThan(new java.math.BigDecimal("50.00"));
        assertThat(policy.check(sam).allowed()).isFalse();
        assertThat(policy.check(tom).reasonKey()).isEqualTo("posting.rule.trial");
    }
}
