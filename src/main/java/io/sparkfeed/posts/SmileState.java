package io.sparkfeed.posts;

/** After a smile or an unsmile: whether the account smiles at the post now, and the post's count. */
public record SmileState(long postId, boolean smiled, int count) {}
