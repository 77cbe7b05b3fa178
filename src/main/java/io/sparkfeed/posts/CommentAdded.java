package io.sparkfeed.posts;

/** Someone commented on a post. */
public record CommentAdded(long postId, long postAuthorId, long commentId, long byAccountId) {}
