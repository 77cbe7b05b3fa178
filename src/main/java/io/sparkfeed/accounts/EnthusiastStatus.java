package io.sparkfeed.accounts;

/** Where an account stands in the enthusiast program; only {@code APPROVED} shows the badge. */
public enum EnthusiastStatus {
    NONE,
    APPROVED,
    SUSPENDED,
    REVOKED
}
