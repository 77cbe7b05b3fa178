package io.sparkfeed.posts;

/** Someone smiled at a post. */
public record PostSmiled(long postId, long postAuthorId, long byAccountId) {}
