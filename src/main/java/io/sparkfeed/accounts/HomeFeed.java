package io.sparkfeed.accounts;

/** The tab a signed-in account's front page opens on: For you (follows and interests) or Latest (everyone's). */
public enum HomeFeed {
    FOR_YOU,
    LATEST
}
