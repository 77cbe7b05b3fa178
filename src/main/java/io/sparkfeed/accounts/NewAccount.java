package io.sparkfeed.accounts;

/**
 * What sign-up (or the demo seeder) needs to open an account; the password is still in clear here. A sign-up's
 * address is not verified until its owner follows the mailed link; the demo's accounts are.
 */
public record NewAccount(
        String email, String handle, String displayName, String password, AccountKind kind, boolean emailVerified) {

    /** An account whose address still has to be verified. */
    public NewAccount(String email, String handle, String displayName, String password, AccountKind kind) {
        this(email, handle, displayName, password, kind, false);
    }
}
