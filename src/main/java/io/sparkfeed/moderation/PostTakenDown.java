package io.sparkfeed.moderation;

/** An admin hid a post; its author is told why. */
public record PostTakenDown(long postId, long authorId, String reason) {}
