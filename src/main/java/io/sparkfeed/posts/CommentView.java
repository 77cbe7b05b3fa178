package io.sparkfeed.posts;

import java.time.Instant;

/**
 * A comment as the post page shows it. {@code hiddenReason} is the moderators' reason when it was hidden (only its
 * author and admins are ever shown a hidden comment).
 */
public record CommentView(
        long id,
        long postId,
        long authorId,
        String authorHandle,
        String authorName,
        String body,
        Instant createdAt,
        boolean hidden,
        String hiddenReason) {}
