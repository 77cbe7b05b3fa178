package io.sparkfeed.accounts.web;

/** Where a new account lands right after sign-up. */
final class AfterSignup {

    static final String NEXT = "/me/interests?welcome";

    private AfterSignup() {}
}
