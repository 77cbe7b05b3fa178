package io.sparkfeed.accounts;

/**
 * A number the page header shows next to a link, owned by a module downstream of accounts (the items in the cart,
 * the unread notifications). That module implements this, so that accounts never reads its tables, and every page
 * still loads the signed-in account with all its header counts in one statement: {@link Accounts#current} puts
 * each {@link #sql()} in its select list.
 */
public interface HeaderCount {

    /** The name the layout reads it by, as in {@code me.count('cart')}: lower case letters only. */
    String name();

    /**
     * A scalar subquery over the implementing module's own tables that counts for the account whose id is the
     * parameter {@code :id}, such as {@code (select count(*) from things t where t.account_id = :id)}. A constant of
     * the implementing class: never built from input.
     */
    String sql();
}
