package io.sparkfeed.posts;

import java.math.BigDecimal;

/**
 * What an account has spent on paid orders in its lifetime (not cancelled). Implemented by the shop;
 * without a shop every account has spent nothing.
 */
public interface SpendingLedger {

    BigDecimal lifetimeSpend(long accountId);
}
