package io.sparkfeed.shop;

import io.sparkfeed.posts.PurchasedProducts;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** What an account bought lately, for the purchase-aware personal feed and the cards' "You bought this". */
@Component
class ShopPurchasedProducts implements PurchasedProducts {

    /** Orders that count as bought: neither cancelled nor expired. */
    private static final String BOUGHT = """
            select distinct l.product_id from order_lines l join orders o on o.id = l.order_id
            where o.account_id = %s and o.status not in ('CANCELLED', 'EXPIRED') and o.created_at >= %s""";

    private final JdbcClient jdbc;

    ShopPurchasedProducts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public Set<Long> boughtSince(long accountId, Instant since) {
        return Set.copyOf(jdbc.sql(BOUGHT.formatted("?", "?"))
                .params(accountId, Timestamp.from(since))
                .query(Long.class)
                .list());
    }

    @Override
    @Transactional(readOnly = true)
    public Set<Long> paidFor(long accountId, Collection<Long> productIds) {
        if (productIds.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.sql("""
                        select distinct l.product_id from orders o join order_lines l on l.order_id = o.id
                        where o.account_id = ? and o.paid_at is not null and o.status not in ('CANCELLED', 'EXPIRED')
                          and l.product_id = any(?)""")
                .params(accountId, productIds.toArray(Long[]::new))
                .query(Long.class)
                .list());
    }

    @Override
    public String boughtSinceSql() {
        return "array(" + BOUGHT.formatted(":viewer", ":since") + ")";
    }
}
