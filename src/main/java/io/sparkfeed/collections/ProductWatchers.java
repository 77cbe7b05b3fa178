package io.sparkfeed.collections;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Who hears that a product they saved got cheaper or came back in stock: everyone who saved it in any collection,
 * whose threshold the drop reaches, who is not suspended and did not buy it lately (asked of {@link RecentBuyers}).
 * As SQL, so the notifications module tells them all in one statement, however many they are.
 */
@Component
public class ProductWatchers {

    private static final String WATCHERS = """
            select ci.owner_id as account_id, coalesce(s.email, false) as email,
                   coalesce(s.language, 'en') as language
            from collection_items ci
            left join alert_settings s on s.account_id = ci.owner_id
            where ci.product_id = :product
              and (:drop < 0 or :drop >= coalesce(s.threshold_percent, %d))
              and not exists (select 1 from account_names a where a.id = ci.owner_id and a.suspended_at is not null)
              and not (%s)
            group by ci.owner_id, s.email, s.language""";

    private final String sql;

    ProductWatchers(ObjectProvider<RecentBuyers> buyers) {
        RecentBuyers recent = buyers.getIfAvailable();
        this.sql =
                WATCHERS.formatted(AlertSettings.DEFAULT_THRESHOLD, recent == null ? "false" : recent.boughtSinceSql());
    }

    /**
     * A query of the accounts to tell ({@code account_id}, whether they want a mail {@code email}, its
     * {@code language}) about the product {@code :product}: for a price drop of {@code :drop} percent, or any
     * restock when {@code :drop} is negative; purchases since {@code :since} leave the buyer out.
     */
    public String sql() {
        return sql;
    }
}
