package io.sparkfeed.moderation;

import java.util.UUID;

/** An admin hid a post; its author is told why. {@code eventId} names this occurrence: its listeners act on it once. */
public record PostTakenDown(UUID eventId, long postId, long authorId, String reason) {}
