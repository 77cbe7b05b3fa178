package io.sparkfeed.questions;

import java.time.Instant;

/**
 * An answer as the product's questions show it. A hidden one (taken down) is shown only to its author and to admins,
 * with the moderators' reason.
 */
public record AnswerView(
        long id,
        long authorId,
        String authorHandle,
        String authorName,
        String body,
        AnswerBadge badge,
        Instant at,
        boolean hidden,
        String hiddenReason) {}
