package io.sparkfeed.posts;

/** A post's Save button: whether the reader saved it (in any of their collections), and how many accounts did. */
public record SaveState(long postId, boolean saved, int count) {}
