package io.sparkfeed.shop;

import io.sparkfeed.collections.RecentBuyers;
import org.springframework.stereotype.Component;

/** Whether a saver bought the product lately (an order neither cancelled nor expired): they hear no alert. */
@Component
class ShopRecentBuyers implements RecentBuyers {

    @Override
    public String boughtSinceSql() {
        return """
                exists (select 1 from orders o join order_lines l on l.order_id = o.id
                        where o.account_id = ci.owner_id and l.product_id = :product
                          and o.status not in ('CANCELLED', 'EXPIRED') and o.created_at >= :since)""";
    }
}
