package io.sparkfeed.posts;

/** A new post went live. */
public record PostPublished(long postId, long authorId) {}
