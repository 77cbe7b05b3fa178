package io.sparkfeed.platform;

/**
 * Every rate limit of the application, with the property that sets it ({@code sparkfeed.limits.<property>}, a list
 * of {@code capacity/period} such as {@code 10/1m,100/1h}) and where its counts live. {@link Store#DATABASE} limits
 * hold across instances and restarts; {@link Store#LOCAL} limits count per instance, in a bounded in-memory cache,
 * for requests that would otherwise not write to the database at all.
 */
public enum Limit {

    /** Failed logins for one account (or one unknown login) from one address: the strict, growing wait. */
    LOGIN_PLACE("login-place", Store.DATABASE),
    /** Failed logins for one account from every address: a higher threshold and short waits, never a lockout. */
    LOGIN_ACCOUNT("login-account", Store.DATABASE),
    /** Failed logins from one address (IPv6 per /64), whatever the account; successful logins give some back. */
    LOGIN_ADDRESS("login-address", Store.DATABASE),
    COMMENT("comment", Store.DATABASE),
    SMILE("smile", Store.DATABASE),
    FOLLOW("follow", Store.DATABASE),
    REPORT("report", Store.DATABASE),
    /** Questions asked and answered about products. */
    QUESTION("question", Store.DATABASE),
    /** Saves, unsaves and changes to collections and alert settings, per account. */
    SAVE("save", Store.DATABASE),
    /** Sign-ups from one address. */
    SIGNUP("signup", Store.DATABASE),
    POST_EDIT("post-edit", Store.DATABASE),
    /** "Forgot password" requests from one address. */
    PASSWORD_RESET_ADDRESS("password-reset-address", Store.DATABASE),
    /** Reset mails to one mail address, whoever asks: nobody's inbox is flooded by someone else's requests. */
    PASSWORD_RESET_EMAIL("password-reset-email", Store.DATABASE),
    /** Verification mails sent again to one account. */
    VERIFY_EMAIL("verify-email", Store.DATABASE),
    /** Password changes by one account: each checks the current password, so a guess costs a token. */
    PASSWORD_CHANGE("password-change", Store.DATABASE),
    /** Data exports asked for by one account: each reads all of its rows and photos. */
    DATA_EXPORT("data-export", Store.DATABASE),
    /** Account deletions asked for (or cancelled) by one account: each checks the password, so a guess costs a token. */
    ACCOUNT_DELETION("account-deletion", Store.DATABASE),
    /**
     * Searches by one visitor (address) or account. Local: a search is a read, and a database write per search
     * would cost more than the search; a few more searches through several instances do no harm.
     */
    SEARCH("search", Store.LOCAL);

    public enum Store {
        DATABASE,
        LOCAL
    }

    private final String property;
    private final Store store;

    Limit(String property, Store store) {
        this.property = property;
        this.store = store;
    }

    public String property() {
        return "sparkfeed.limits." + property;
    }

    public Store store() {
        return store;
    }
}
