package io.sparkfeed.accounts;

/** How a Prime membership was obtained. */
public enum Plan {
    TRIAL,
    PAID
}
