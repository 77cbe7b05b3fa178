package io.sparkfeed.posts;

import java.util.UUID;

/** Someone smiled at a post. {@code eventId} names this occurrence: its listeners act on it once. */
public record PostSmiled(UUID eventId, long postId, long postAuthorId, long byAccountId) {}
