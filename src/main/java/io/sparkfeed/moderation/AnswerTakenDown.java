package io.sparkfeed.moderation;

import java.util.UUID;

/**
 * An admin hid an answer to a question ({@code questionId}); its author is told why. {@code eventId} names this
 * occurrence: its listeners act on it once.
 */
public record AnswerTakenDown(UUID eventId, long answerId, long questionId, long authorId, String reason) {}
