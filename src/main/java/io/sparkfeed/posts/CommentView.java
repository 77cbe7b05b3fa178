package io.sparkfeed.posts;

import java.time.Instant;

/** A comment as the post page shows it. */
public record CommentView(long id, long postId, long authorId, String authorHandle, String authorName, String body,
        Instant createdAt, boolean hidden) {
}
