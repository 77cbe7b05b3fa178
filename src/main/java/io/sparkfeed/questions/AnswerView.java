package io.sparkfeed.questions;

import java.time.Instant;

/** An answer as the product's questions show it. */
public record AnswerView(
        long id, long authorId, String authorHandle, String authorName, String body, AnswerBadge badge, Instant at) {}
