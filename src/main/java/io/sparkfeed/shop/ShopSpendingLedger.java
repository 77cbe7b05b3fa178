package io.sparkfeed.shop;

import io.sparkfeed.posts.SpendingLedger;
import java.math.BigDecimal;
import org.springframework.stereotype.Component;

/** What the posting policy's minimum-spend rule reads: paid orders, never unpaid, cancelled or expired ones. */
@Component
class ShopSpendingLedger implements SpendingLedger {

    private final Orders orders;

    ShopSpendingLedger(Orders orders) {
        this.orders = orders;
    }

    @Override
    public BigDecimal lifetimeSpend(long accountId) {
        return orders.lifetimeSpend(accountId);
    }
}
