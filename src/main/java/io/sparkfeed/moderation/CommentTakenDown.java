package io.sparkfeed.moderation;

/** An admin hid a comment; its author is told why. */
public record CommentTakenDown(long commentId, long postId, long authorId, String reason) {}
