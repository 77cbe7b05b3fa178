package io.sparkfeed.accounts;

/** Someone started following an account. */
public record AccountFollowed(long followerId, long followedId) {}
