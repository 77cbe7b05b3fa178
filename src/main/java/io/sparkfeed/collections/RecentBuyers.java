package io.sparkfeed.collections;

/**
 * Whether a saver bought the product lately: such a person hears no alert about it. Implemented by the shop;
 * without a shop nobody bought anything.
 */
public interface RecentBuyers {

    /**
     * A boolean SQL expression over the implementing module's own tables: whether the account in the column
     * {@code ci.owner_id} bought the product {@code :product} since {@code :since} (an order neither cancelled nor
     * expired). A constant of the implementing class, never built from input; {@link ProductWatchers} puts it in the
     * one statement that finds everyone to tell.
     */
    String boughtSinceSql();
}
