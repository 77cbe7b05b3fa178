package io.sparkfeed.posts;

import java.time.Instant;
import java.util.Set;

/**
 * Which products an account bought since an instant (cancelled orders do not count). Implemented by the shop;
 * without a shop nobody bought anything. Lets the personal feed stop advertising what a person already owns.
 */
public interface PurchasedProducts {

    Set<Long> boughtSince(long accountId, Instant since);
}
