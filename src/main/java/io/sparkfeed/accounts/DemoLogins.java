package io.sparkfeed.accounts;

/**
 * The demo accounts' password is printed in the README, so it is no secret: an account that has it may log in only
 * from the machine Sparkfeed runs on (see {@code web.PublishedPasswordFilter}), whatever profile the instance runs
 * and however old its data is. A newcomer's {@code ./mvnw spring-boot:run} on their own machine logs in as before.
 */
public final class DemoLogins {

    /** The password every demo account is created with, as published in the README. */
    public static final String PASSWORD = "sparkfeed-demo";

    private DemoLogins() {}
}
