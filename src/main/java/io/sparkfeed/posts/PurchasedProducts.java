package io.sparkfeed.posts;

import java.time.Instant;
import java.util.Collection;
import java.util.Set;

/**
 * Which products an account bought since an instant (cancelled orders do not count). Implemented by the shop;
 * without a shop nobody bought anything. Lets the personal feed stop advertising what a person already owns, and a
 * card say "You bought this".
 */
public interface PurchasedProducts {

    Set<Long> boughtSince(long accountId, Instant since);

    /**
     * The same as a scalar subquery over the implementing module's own tables, for the account whose id is the
     * parameter {@code :viewer} and the instant {@code :since}: an array of product ids ({@code bigint[]}). A
     * constant of the implementing class, never built from input. {@link PostCards} puts it in the select list of a
     * page of cards, so that what a signed-in reader bought costs no statement of its own.
     */
    String boughtSinceSql();

    /**
     * Which of these products the account ever bought through Sparkfeed and paid for (orders neither cancelled nor
     * expired): a tag on its posts shows "Bought here" (see {@link OwnerBadges}).
     */
    Set<Long> paidFor(long accountId, Collection<Long> productIds);
}
