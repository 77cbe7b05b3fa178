package io.sparkfeed.accounts;

/** A profile page's header: the account, its follower and following counts, and whether the viewer follows it. */
public record Profile(AccountSummary account, FollowCounts follow) {}
