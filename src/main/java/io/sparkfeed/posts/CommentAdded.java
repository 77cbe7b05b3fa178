package io.sparkfeed.posts;

import java.util.UUID;

/** Someone commented on a post. {@code eventId} names this occurrence: its listeners act on it once. */
public record CommentAdded(UUID eventId, long postId, long postAuthorId, long commentId, long byAccountId) {}
