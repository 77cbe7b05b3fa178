package io.sparkfeed.accounts;

/** What sign-up (or the demo seeder) needs to open an account; the password is still in clear here. */
public record NewAccount(String email, String handle, String displayName, String password, AccountKind kind) {}
