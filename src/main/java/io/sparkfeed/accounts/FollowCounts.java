package io.sparkfeed.accounts;

/** How many follow an account and how many it follows, and whether the viewer follows it. */
public record FollowCounts(long followers, long following, boolean followedByViewer) {}
