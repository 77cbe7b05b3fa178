package io.sparkfeed.accounts;

import java.util.UUID;

/** Someone started following an account. {@code eventId} names this occurrence: its listeners act on it once. */
public record AccountFollowed(UUID eventId, long followerId, long followedId) {}
