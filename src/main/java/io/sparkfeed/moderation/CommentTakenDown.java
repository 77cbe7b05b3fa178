package io.sparkfeed.moderation;

import java.util.UUID;

/** An admin hid a comment; its author is told why. {@code eventId} names this occurrence: its listeners act on it once. */
public record CommentTakenDown(UUID eventId, long commentId, long postId, long authorId, String reason) {}
